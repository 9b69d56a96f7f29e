import { z } from 'zod';
import { EnvelopeBaseSchema, type Envelope } from './envelope';
import type { TopicName } from './topics';

/** One event definition: its type name, the topic it travels on, and the schema of its data. */
export interface EventDefinition<TType extends string = string, TData extends z.ZodType = z.ZodType> {
  type: TType;
  topic: TopicName;
  data: TData;
  envelope: z.ZodType<Envelope<TType, z.infer<TData>>>;
}

export function defineEvent<TType extends string, TData extends z.ZodType>(
  type: TType,
  topic: TopicName,
  data: TData,
): EventDefinition<TType, TData> {
  const envelope = EnvelopeBaseSchema.extend({ type: z.literal(type), data }) as unknown as z.ZodType<
    Envelope<TType, z.infer<TData>>
  >;
  return { type, topic, data, envelope };
}

export type EventOf<D> = D extends EventDefinition<infer T, infer S> ? Envelope<T, z.infer<S>> : never;
export type DataOf<D> = D extends EventDefinition<string, infer S> ? z.infer<S> : never;
