import type mongoose from 'mongoose';
import { waitBackoff } from './backoff';
import type { Bus } from './bus';
import type { OutboxEntry } from './outbox';

type Collection = mongoose.mongo.Collection;

export interface RelayOptions {
  bus: Bus;
  /** Collections whose documents carry an outbox (see outbox.ts). */
  collections: Collection[];
  batchSize?: number;
  /**
   * How often to sweep every collection for pending events written by another process or left
   * by a crash. Writes in this process call `nudge(coll, id)` and are published at once instead.
   */
  sweepIntervalMs?: number;
  /**
   * How long published entries may stay in their document before the relay removes them. A
   * document that gets its next events within this time (an order placed, then reserved, then
   * confirmed) has all of them removed by one update instead of one per write. Nothing is
   * published later for it: only the `$pullAll` waits. 0 removes right after publishing.
   */
  removeDelayMs?: number;
  /** Test hook: called after pending events were read and before they are published. */
  beforePublish?: (entries: OutboxEntry[]) => Promise<void>;
}

export interface OutboxRelay {
  /**
   * Publish now: with a document id, only that document is read (by _id, cheap); without, a full
   * sweep. With `image`, the document's outbox as the write left it (see OutboxImages), nothing is
   * read: the relay publishes those entries (less any it already published) and removes them.
   */
  nudge(collection?: Collection, id?: unknown, image?: OutboxEntry[]): void;
  stop(): Promise<void>;
  /** Resolves after a full sweep found nothing pending (tests and benchmarks). */
  drained(): Promise<void>;
}

interface PendingDoc {
  _id: unknown;
  outbox?: OutboxEntry[];
}

/** Published entries of one document, waiting for their removal. */
interface Removal {
  id: unknown;
  entries: Map<string, OutboxEntry>;
  /** When the first of them was published + removeDelayMs. */
  due: number;
  /** Some entries came from an image: a pull that matches nothing means the image was wrong. */
  fromImage: boolean;
}

/**
 * Publishes outbox events with acks=-1, then removes exactly those entries from their document.
 * Retries forever with backoff. A crash between publish and removal republishes (at-least-once);
 * idempotent consumers absorb that. Lookups go by _id because FerretDB's SQLite backend only
 * pushes `{_id}` filters down to SQL; the full sweep scans and so runs rarely.
 */
export function startOutboxRelay(opts: RelayOptions): OutboxRelay {
  const { bus } = opts;
  const log = bus.logger.child({ component: 'outbox-relay' });
  const obs = bus.observer;
  const batchSize = opts.batchSize ?? 500;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 5_000;
  const removeDelayMs = opts.removeDelayMs ?? 250;
  const abort = new AbortController();
  // Per collection, the documents nudged since the last pass: their id, and the outbox image a
  // write handed over (null: read the document, as for a plain nudge or a second nudge of it).
  const hinted = new Map<Collection, Map<string, { id: unknown; image: OutboxEntry[] | null }>>();
  // Ids of entries this relay published lately: an image taken before their removal (a write that
  // raced with the pass) does not publish them again.
  const recent = new Set<string>();
  // Per collection, by document: entries published and not yet removed (see removeDelayMs).
  const removals = new Map<Collection, Map<string, Removal>>();
  const remember = (entries: OutboxEntry[]) => {
    for (const e of entries) recent.add(e.id);
    if (recent.size > 20_000) {
      for (const id of [...recent].slice(0, 10_000)) recent.delete(id);
      // Entries still in their documents stay known, whatever their age.
      for (const docs of removals.values())
        for (const r of docs.values()) for (const id of r.entries.keys()) recent.add(id);
    }
  };
  let sweepRequested = true; // sweep once at start: a crashed predecessor may have left events
  let drainWaiters: (() => void)[] = [];
  let wake: (() => void) | undefined;

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** Queues the removal of what these documents hold (all of it published by now). */
  function schedule(coll: Collection, docs: { doc: PendingDoc; entries: OutboxEntry[]; image: boolean }[]) {
    const due = Date.now() + removeDelayMs;
    const docsOf = removals.get(coll) ?? new Map<string, Removal>();
    removals.set(coll, docsOf);
    for (const { doc, entries, image } of docs) {
      if (entries.length === 0) continue;
      const key = String(doc._id);
      const r = docsOf.get(key) ?? { id: doc._id, entries: new Map(), due, fromImage: false };
      for (const e of entries) r.entries.set(e.id, e);
      r.fromImage ||= image;
      docsOf.set(key, r);
    }
  }

  /**
   * Removes exactly the published entries (exact-value $pullAll: events added meanwhile stay) of
   * the documents whose delay is over, or of all with `all`. One updateOne per document, in
   * parallel. (One bulk `update` command for the pass was tried: it left FerretDB-SQLite hung twice
   * in the bus benchmark's outbox path — docs/decisions/0011.) Returns whether an image's entries
   * were not found as written: then a sweep must read what the document really holds.
   */
  async function removePublished(all: boolean): Promise<boolean> {
    const now = Date.now();
    let mismatch = false;
    for (const [coll, docsOf] of removals) {
      const due = [...docsOf.values()].filter((r) => all || r.due <= now);
      if (due.length === 0) continue;
      const pulled = await Promise.all(
        due.map((r) =>
          coll.updateOne({ _id: r.id } as never, { $pullAll: { outbox: [...r.entries.values()] } } as never),
        ),
      );
      // Only now: a failed update above leaves them queued for the next try.
      for (const r of due) docsOf.delete(String(r.id));
      if (due.some((r, i) => r.fromImage && pulled[i]?.modifiedCount !== 1)) {
        log.warn({ collection: coll.collectionName }, 'outbox image did not match its document; sweeping');
        mismatch = true;
      }
    }
    return mismatch;
  }

  /** The earliest time a removal is due (Infinity: none queued). */
  function nextRemovalDue(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const docsOf of removals.values()) for (const r of docsOf.values()) next = Math.min(next, r.due);
    return next;
  }

  /** Publishes the docs' entries (less those published already unless `skipRecent` is false) and queues their removal; `fromImage` docs were not read. */
  async function publish(
    coll: Collection,
    docs: PendingDoc[],
    fromImage = new Set<PendingDoc>(),
    skipRecent = true,
  ): Promise<number> {
    // An entry this relay published lately is not published again (it is queued for removal, or
    // was removed after an image of the write was taken).
    const fresh = (e: OutboxEntry) => !skipRecent || !recent.has(e.id);
    const found = docs.filter((d) => d.outbox && d.outbox.length > 0);
    const entries = found.flatMap((d) => d.outbox!).filter(fresh);
    // To remove: all that a document read holds; of an image, only what goes out now.
    const removal = found.map((doc) => {
      const image = fromImage.has(doc);
      return { doc, image, entries: image ? doc.outbox!.filter(fresh) : doc.outbox! };
    });
    if (entries.length === 0) {
      schedule(coll, removal);
      return 0;
    }
    let oldest = Number.POSITIVE_INFINITY;
    for (const e of entries) oldest = Math.min(oldest, Date.parse(e.envelope.time));
    obs.outboxOldestPending?.(coll.collectionName, oldest);
    await opts.beforePublish?.(entries);
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const e of entries) {
      const topic = bus.topic(e.topic);
      const list = byTopic.get(topic) ?? [];
      list.push({
        key: e.key,
        value: JSON.stringify(e.envelope),
        headers: { 'ce-type': e.envelope.type, 'ce-id': e.id },
      });
      byTopic.set(topic, list);
    }
    const producer = await bus.producer();
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    remember(entries);
    schedule(coll, removal);
    obs.outboxOldestPending?.(coll.collectionName, undefined);
    if (obs.relayPublished)
      for (const [topic, list] of byTopic) obs.relayPublished(bus.logicalTopic(topic), list.length);
    return entries.length;
  }

  async function passOnce(): Promise<number> {
    let published = 0;
    const sweep = sweepRequested;
    sweepRequested = false;
    // A sweep removes everything published first, so what it reads is what is really pending.
    if ((await removePublished(sweep)) && !sweep) sweepRequested = true;
    for (const coll of opts.collections) {
      const ids = hinted.get(coll);
      hinted.delete(coll);
      const started = performance.now();
      if (sweep) {
        const docs = (await coll
          .find({ 'outbox.0': { $exists: true } }, { projection: { outbox: 1 } })
          .limit(batchSize)
          .toArray()) as PendingDoc[];
        if (docs.length === batchSize) sweepRequested = true; // more to come
        const n = await publish(coll, docs, new Set(), false);
        published += n;
        obs.relayPass?.('sweep', docs.length, n, performance.now() - started);
      } else if (ids && ids.size > 0) {
        const hints = [...ids.values()];
        const read = await Promise.all(
          hints
            .filter((h) => h.image === null)
            .map(
              (h) =>
                coll.findOne({ _id: h.id } as never, {
                  projection: { outbox: 1 },
                }) as Promise<PendingDoc | null>,
            ),
        );
        const imaged = new Set<PendingDoc>();
        for (const h of hints) {
          if (h.image) imaged.add({ _id: h.id, outbox: h.image });
        }
        const docs = [...read.filter((d): d is PendingDoc => d !== null), ...imaged];
        const n = await publish(coll, docs, imaged);
        published += n;
        obs.relayPass?.('nudge', read.length, n, performance.now() - started);
      }
    }
    if (sweep && !sweepRequested) {
      // Drained means removed too: nothing published stays in a document.
      if (drainWaiters.length > 0 && (await removePublished(true))) sweepRequested = true;
    }
    if (sweep && !sweepRequested) {
      for (const w of drainWaiters) w();
      drainWaiters = [];
    }
    return published;
  }

  const loop = (async () => {
    let failures = 0;
    let lastSweep = Date.now();
    while (!abort.signal.aborted) {
      try {
        if (Date.now() - lastSweep >= sweepIntervalMs) sweepRequested = true;
        if (sweepRequested) lastSweep = Date.now();
        const published = await passOnce();
        failures = 0;
        if (published > 0) log.debug({ published }, 'outbox events published');
        if (sweepRequested || hinted.size > 0) continue;
        const untilSweep = sweepIntervalMs - (Date.now() - lastSweep);
        await idle(Math.max(1, Math.min(untilSweep, nextRemovalDue() - Date.now())));
      } catch (err) {
        if (abort.signal.aborted) break;
        sweepRequested = true; // hinted ids may have been consumed by the failed pass
        log.warn({ err, attempt: failures }, 'outbox relay pass failed; retrying');
        await waitBackoff(failures++, abort.signal);
      }
    }
  })();

  return {
    nudge(collection?: Collection, id?: unknown, image?: OutboxEntry[]) {
      if (collection && id !== undefined) {
        const docs = hinted.get(collection) ?? new Map();
        const key = String(id);
        // A second nudge before the pass: two writes whose images may have arrived out of order.
        docs.set(key, { id, image: docs.has(key) || !image ? null : image });
        hinted.set(collection, docs);
      } else {
        sweepRequested = true;
      }
      wake?.();
    },
    drained() {
      return new Promise<void>((resolve) => {
        drainWaiters.push(resolve);
        this.nudge();
      });
    },
    async stop() {
      abort.abort();
      wake?.();
      await loop;
      // Best effort: what stays is published again by the next relay (at-least-once, as after a crash).
      await removePublished(true).catch((err) => log.warn({ err }, 'outbox entries left for the next relay'));
    },
  };
}
