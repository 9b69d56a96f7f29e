import type { Envelope } from '@pasar/contracts';
import { EVENT_REGISTRY } from '@pasar/contracts';
import mongoose from 'mongoose';

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

/**
 * Entries as the database holds them once written: BSON's round trip, with the write's
 * `ignoreUndefined` (the relay removes exactly these values with `$pullAll`, and publishes them
 * as it would have read them back).
 */
export function storedEntries(
  entries: OutboxEntry[],
  opts: { ignoreUndefined?: boolean } = {},
): OutboxEntry[] {
  const { BSON } = mongoose.mongo;
  const bytes = BSON.serialize({ o: entries }, { ignoreUndefined: opts.ignoreUndefined ?? false });
  return (BSON.deserialize(bytes) as { o: OutboxEntry[] }).o;
}

/**
 * The outbox a write left in its document, kept for a moment so the relay can publish from it
 * instead of reading the document back (one database read per write fewer). A repository records
 * the image right after its write (the entries it inserted, or the document a findOneAndUpdate
 * returned); the relay's nudge for that document takes it. An image is only good shortly after its
 * write: an older one is dropped and the relay reads the document instead.
 */
export class OutboxImages {
  private readonly images = new Map<string, { at: number; entries: OutboxEntry[] }>();

  constructor(
    private readonly maxAgeMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(collection: string, id: unknown, entries: OutboxEntry[] | undefined): void {
    const key = `${collection}\0${String(id)}`;
    if (!entries || entries.length === 0) {
      this.images.delete(key);
      return;
    }
    if (this.images.size >= 10_000) this.images.clear(); // nudges that never came: forget them
    this.images.set(key, { at: this.now(), entries });
  }

  take(collection: string, id: unknown): OutboxEntry[] | undefined {
    const key = `${collection}\0${String(id)}`;
    const image = this.images.get(key);
    this.images.delete(key);
    return image && this.now() - image.at <= this.maxAgeMs ? image.entries : undefined;
  }
}
