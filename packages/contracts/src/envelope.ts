import { z } from 'zod';

/**
 * The event envelope: CloudEvents 1.0 attribute names plus Pasar's extension attributes.
 * Every record on every topic is one envelope serialised as JSON; the record key is `subject`.
 */
export const EnvelopeBaseSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  type: z
    .string()
    .regex(/^pasar\.[a-z]+\.[a-z-]+\.[a-z-]+$/, 'must look like pasar.<service>.<entity>.<past-verb>'),
  source: z.string().min(1),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json').default('application/json'),
  cooperativeid: z.string().min(1),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).optional(),
  traceparent: z
    .string()
    .regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/)
    .optional(),
  data: z.unknown(),
});
export type EnvelopeBase = z.infer<typeof EnvelopeBaseSchema>;

export type Envelope<TType extends string = string, TData = unknown> = Omit<EnvelopeBase, 'type' | 'data'> & {
  type: TType;
  data: TData;
};
