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
  /** How often to look for pending events when nothing nudged the relay. */
  idlePollMs?: number;
  /** Test hook: called after pending events were read and before they are published. */
  beforePublish?: (entries: OutboxEntry[]) => Promise<void>;
}

export interface OutboxRelay {
  /** Publish soon: call after a local write that added events. */
  nudge(): void;
  stop(): Promise<void>;
  /** Resolves when a pass found nothing pending (tests and benchmarks). */
  drained(): Promise<void>;
}

interface PendingDoc {
  _id: unknown;
  outbox: OutboxEntry[];
}

/**
 * Publishes events written by the outbox with acks=-1 and removes them from their document
 * once the broker has them. Retries forever with backoff; a crash between publish and removal
 * republishes (at-least-once), which idempotent consumers absorb.
 */
export function startOutboxRelay(opts: RelayOptions): OutboxRelay {
  const { bus } = opts;
  const log = bus.logger.child({ component: 'outbox-relay' });
  const batchSize = opts.batchSize ?? 200;
  const idlePollMs = opts.idlePollMs ?? 250;
  const abort = new AbortController();
  let wake: (() => void) | undefined;
  let nudged = false;
  let drainWaiters: (() => void)[] = [];

  const sleepUntilNudged = (ms: number) =>
    new Promise<void>((resolve) => {
      if (nudged || abort.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  async function passOnce(coll: Collection): Promise<number> {
    const docs = (await coll
      .find({ outboxAt: { $gt: 0 } }, { projection: { outbox: 1 } })
      .limit(batchSize)
      .toArray()) as unknown as PendingDoc[];
    const entries = docs.flatMap((d) => d.outbox ?? []);
    if (entries.length === 0) {
      // Flags left behind by a publish that emptied the outbox: clear them (conditional, race-free).
      if (docs.length > 0) await coll.updateMany({ _id: { $in: docs.map((d) => d._id) } as never, outbox: { $size: 0 } }, { $set: { outboxAt: null } });
      return 0;
    }
    await opts.beforePublish?.(entries);
    const producer = await bus.producer();
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const e of entries) {
      const topic = bus.topic(e.topic);
      const list = byTopic.get(topic) ?? [];
      list.push({ key: e.key, value: JSON.stringify(e.envelope), headers: { 'ce-type': e.envelope.type, 'ce-id': e.id } });
      byTopic.set(topic, list);
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    for (const d of docs) {
      if (!d.outbox?.length) continue;
      await coll.updateOne({ _id: d._id } as never, { $pullAll: { outbox: d.outbox } } as never);
      await coll.updateOne({ _id: d._id, outbox: { $size: 0 } } as never, { $set: { outboxAt: null } });
    }
    return entries.length;
  }

  const loop = (async () => {
    let failures = 0;
    while (!abort.signal.aborted) {
      nudged = false;
      try {
        let published = 0;
        for (const coll of opts.collections) published += await passOnce(coll);
        failures = 0;
        if (published > 0) {
          log.debug({ published }, 'outbox events published');
          continue; // more may be waiting
        }
        for (const w of drainWaiters) w();
        drainWaiters = [];
        await sleepUntilNudged(idlePollMs);
      } catch (err) {
        if (abort.signal.aborted) break;
        log.warn({ err, attempt: failures }, 'outbox relay pass failed; retrying');
        await waitBackoff(failures++, abort.signal);
      }
    }
  })();

  return {
    nudge() {
      nudged = true;
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
    },
  };
}
