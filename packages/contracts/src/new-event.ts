import type { z } from 'zod';
import type { EventDefinition } from './define-event';
import type { Envelope } from './envelope';

export interface EventContext {
  source: string;
  cooperativeId: string;
  correlationId?: string;
  causationId?: string;
  traceparent?: string;
}

/**
 * Builds and validates an envelope: producers never write what consumers could not parse.
 * A new correlation id starts a flow; events caused by another event pass it on with `causedBy`.
 */
export function newEvent<TType extends string, TData extends z.ZodType>(
  def: EventDefinition<TType, TData>,
  subject: string,
  data: z.input<TData>,
  ctx: EventContext,
): Envelope<TType, z.infer<TData>> {
  const id = globalThis.crypto.randomUUID(); // Web Crypto: contracts also load in the browser bundle
  const candidate = {
    specversion: '1.0' as const,
    id,
    type: def.type,
    source: ctx.source,
    subject,
    time: new Date().toISOString(),
    datacontenttype: 'application/json' as const,
    cooperativeid: ctx.cooperativeId,
    correlationid: ctx.correlationId ?? id,
    ...(ctx.causationId ? { causationid: ctx.causationId } : {}),
    ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}),
    data,
  };
  return def.envelope.parse(candidate);
}

/** The context for an event caused by `cause`: same cooperative, same correlation, causation = cause. */
export function causedBy(cause: Envelope, source: string): EventContext {
  return {
    source,
    cooperativeId: cause.cooperativeid,
    correlationId: cause.correlationid,
    causationId: cause.id,
    ...(cause.traceparent ? { traceparent: cause.traceparent } : {}),
  };
}
