import type { Envelope } from '@pasar/contracts';
import { EVENT_REGISTRY } from '@pasar/contracts';

/**
 * Pending events live inside the aggregate document they describe, so the state change and its
 * events are ONE single-document write (FerretDB and a standalone MongoDB have no transactions).
 */
export interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  envelope: Envelope;
}

export interface OutboxFields {
  outbox?: OutboxEntry[];
}

export function toOutboxEntry(envelope: Envelope): OutboxEntry {
  const def = EVENT_REGISTRY.get(envelope.type);
  if (!def) throw new Error(`Unknown event type ${envelope.type}: add it to @pasar/contracts`);
  return { id: envelope.id, topic: def.topic, key: envelope.subject, envelope };
}

type Update = Record<string, Record<string, unknown> | undefined>;

/**
 * Adds events to a mongo update document: `withOutbox({$set: {status: 'PAID'}}, [evt])`.
 * Use it in the same updateOne/findOneAndUpdate that changes the state.
 */
export function withOutbox<U extends Update>(update: U, events: Envelope[]): U {
  if (events.length === 0) return update;
  return {
    ...update,
    $push: { ...(update.$push ?? {}), outbox: { $each: events.map(toOutboxEntry) } },
  } as U;
}

/** Fields for a document inserted together with its first events. */
export function outboxFields(events: Envelope[]): Required<OutboxFields> {
  return { outbox: events.map(toOutboxEntry) };
}
