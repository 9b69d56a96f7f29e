import { EnvelopeBaseSchema, type EventDefinition, type EventOf } from '@pasar/contracts';
import type { Consumer, KafkaMessage, OffsetsByTopicPartition, TopicPartitionOffset } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type mongoose from 'mongoose';
import { waitBackoff } from './backoff';
import type { Bus } from './bus';
import { type DeadLetterReason, parkDeadLetter } from './dlq';
import { ProcessedIds } from './processed-ids';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
}

export interface Subscription {
  definition: EventDefinition;
  handle: (event: never, ctx: HandlerContext) => Promise<void>;
  /** See SubscriptionOptions.idempotent. */
  idempotent?: boolean;
}

export interface SubscriptionOptions {
  /**
   * The handler's own writes make a second run a no-op — a guarded state transition, an insert
   * keyed by the event's subject, conditional per-line moves — so its event ids need not be
   * written to `processed`: they are kept in the in-memory window only (a duplicate soon after is
   * still skipped without running the handler), and a redelivery after a crash or rebalance runs
   * the handler again, which changes nothing. One database write per batch fewer. Leave it unset
   * for a handler a re-run would apply twice (a counter, a message sent, a ledger posting
   * without its own key). Each use says why its handler is idempotent, and its tests show it.
   */
  idempotent?: boolean;
}

/** Pairs an event definition with its handler, typed by the definition. */
export function on<D extends EventDefinition>(
  definition: D,
  handle: (event: EventOf<D>, ctx: HandlerContext) => Promise<void>,
  opts: SubscriptionOptions = {},
): Subscription {
  return {
    definition,
    handle: handle as Subscription['handle'],
    ...(opts.idempotent ? { idempotent: true } : {}),
  };
}

/**
 * Off by default. Measured (docs/decisions/0024): 20 ms cuts the fetches per checkout order at
 * 20 orders/s from 8.8 to 5.2 but puts bus p50 at 16–19 ms and p99 at 39–55 ms (0 ms: 2 ms and
 * 13–23 ms); 5 and 10 ms cut no fetches. A small market that wants the broker quieter may set it.
 */
export const DEFAULT_FETCH_LINGER_MS = 0;

export interface ConsumerOptions {
  bus: Bus;
  groupId: string;
  subscriptions: Subscription[];
  /** Where processed event ids are remembered (unique by `_id` = `<group>:<event id>`). */
  processed: mongoose.mongo.Collection;
  /** How far back applied ids are kept in memory (see processed-ids.ts). */
  dedupeWindowMs?: number;
  /** Handler attempts before the record is parked on the dead-letter topic. */
  maxAttempts?: number;
  partitionsConsumedConcurrently?: number;
  retryBaseMs?: number;
  /**
   * Longest time the broker holds a fetch that finds nothing (default 500 ms). With `minBytes: 1`
   * a fetch returns as soon as one record arrives, so this bounds only empty polls: it costs no
   * latency, and a short value makes every idle consumer poll the broker (20 ms: 50 fetches/s each).
   */
  maxWaitTimeInMs?: number;
  /**
   * Offsets are committed at most this often (default 250 ms), always after the records' handlers
   * and processed ids were written; 0 commits after every batch. A crash or rebalance redelivers at
   * most this window, and the processed ids skip what was already applied.
   */
  commitIntervalMs?: number;
  /**
   * How long the consumer waits after a batch before its next fetch (DEFAULT_FETCH_LINGER_MS), so
   * records arriving meanwhile come in one fetch (the consumer side of a producer's linger.ms).
   * With `minBytes: 1` every record otherwise wakes every waiting group's fetch on its own. Costs
   * at most this much latency per hop, and nothing when idle (an idle fetch still waits at the
   * broker). 0 fetches again at once.
   */
  fetchLingerMs?: number;
}

export interface RunningConsumer {
  /** Resolves once the consumer has joined its group and been given partitions. */
  ready: Promise<void>;
  stop(): Promise<void>;
  consumer: Consumer;
}

class PoisonRecord extends Error {
  constructor(
    readonly reason: DeadLetterReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a consumer group: parse every record with the contract's schema, skip what was already
 * applied, retry the handler with backoff, and park what keeps failing (or never parsed) on
 * `<topic>.dlq.<group>`, then go on. Offsets are committed only after the handler returned.
 */
export async function startConsumer(opts: ConsumerOptions): Promise<RunningConsumer> {
  const { bus, groupId } = opts;
  const log = bus.logger.child({ component: 'consumer', groupId });
  const maxAttempts = opts.maxAttempts ?? 5;
  const byType = new Map(opts.subscriptions.map((s) => [s.definition.type, s]));
  const topics = [...new Set(opts.subscriptions.map((s) => s.definition.topic))];
  await bus.ensureTopics(topics);

  const commitIntervalMs = opts.commitIntervalMs ?? 250;
  const fetchLingerMs = opts.fetchLingerMs ?? DEFAULT_FETCH_LINGER_MS;
  const consumer = bus.kafka.consumer({
    groupId,
    // minBytes 1: a fetch returns as soon as a record is there; maxWait only bounds empty polls.
    maxWaitTimeInMs: opts.maxWaitTimeInMs ?? 500,
    minBytes: 1,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 200, maxRetryTime: 5_000 },
  });
  let joined: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    joined = resolve;
  });
  bus.instrument('consumer', consumer);
  const obs = bus.observer;
  const processed = new ProcessedIds(opts.processed, groupId, opts.dedupeWindowMs);
  // Offsets whose records were handled and whose processed ids were written, not committed yet
  // (`topic|partition` → next offset to read).
  const toCommit = new Map<string, TopicPartitionOffset>();
  let commitTimer: NodeJS.Timeout | undefined;
  let commits: Promise<void> = Promise.resolve();
  let lastCommit = 0;
  let stopping = false;
  /** Commits what is pending with `commit`; a failure keeps the offsets for the next try. */
  const checkpoint = (commit: (offsets: TopicPartitionOffset[]) => Promise<void>): Promise<void> => {
    clearTimeout(commitTimer);
    commitTimer = undefined;
    commits = commits.then(async () => {
      const offsets = [...toCommit.values()];
      if (offsets.length === 0) return;
      toCommit.clear();
      lastCommit = Date.now();
      try {
        await commit(offsets);
      } catch (err) {
        for (const o of offsets) {
          const k = `${o.topic}|${o.partition}`;
          if (!toCommit.has(k)) toCommit.set(k, o);
        }
        log.warn(
          { err },
          'offset commit failed; will retry (records after the last commit may be redelivered)',
        );
        scheduleCommit();
      }
    });
    return commits;
  };
  // Outside a batch: the consumer's own commit (a no-op once it is stopping, see stop()).
  const commitLater = () => checkpoint((offsets) => consumer.commitOffsets(offsets));
  const scheduleCommit = () => {
    if (commitTimer || toCommit.size === 0 || stopping) return;
    commitTimer = setTimeout(commitLater, Math.max(0, lastCommit + commitIntervalMs - Date.now()));
    commitTimer.unref();
  };
  consumer.on(consumer.events.GROUP_JOIN, () => {
    processed.reset(); // partitions may come from another instance: reload what it applied
    // A new generation: the group's committed offsets are the truth again; never commit for a
    // partition that may now belong to another member.
    toCommit.clear();
    joined();
  });

  function parse(message: KafkaMessage) {
    let raw: unknown;
    try {
      raw = JSON.parse(message.value?.toString() ?? '');
    } catch (err) {
      throw new PoisonRecord('MALFORMED_JSON', `value is not JSON: ${(err as Error).message}`);
    }
    const base = EnvelopeBaseSchema.safeParse(raw);
    if (!base.success) throw new PoisonRecord('INVALID_ENVELOPE', formatIssues(base.error.issues));
    const sub = byType.get(base.data.type);
    if (!sub) return undefined; // another consumer's event on a shared topic
    const full = sub.definition.envelope.safeParse(raw);
    if (!full.success) throw new PoisonRecord('INVALID_DATA', formatIssues(full.error.issues));
    return { sub, event: full.data };
  }

  await consumer.connect();
  await consumer.subscribe({ topics: topics.map((t) => bus.topic(t)), fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 3,
    eachBatchAutoResolve: false,
    autoCommit: false, // committed by checkpoint() below, after the writes, at most every commitIntervalMs
    // One batch = one partition's records in order. Applied ids are checked against a window kept
    // in memory and written together before the batch's offsets are resolved: one round trip per
    // batch instead of two per record, and offsets still move only after the handlers' writes.
    eachBatch: async ({
      batch,
      resolveOffset: resolve,
      heartbeat,
      isRunning,
      isStale,
      commitOffsetsIfNecessary,
    }) => {
      const { topic, partition } = batch;
      let resolved: string | undefined;
      const resolveOffset = (offset: string) => {
        resolve(offset);
        resolved = offset;
        toCommit.set(`${topic}|${partition}`, { topic, partition, offset: String(BigInt(offset) + 1n) });
      };
      const logicalTopic = bus.logicalTopic(topic);
      const high = BigInt(batch.highWatermark);
      const reportLag = (next: bigint) =>
        obs.consumerLag?.(logicalTopic, partition, Number(high > next ? high - next : 0n));
      if (batch.messages.length > 0) reportLag(BigInt(batch.firstOffset() ?? batch.highWatermark));
      let lastOffset: string | undefined;
      const flush = async () => {
        await processed.flush();
        if (lastOffset !== undefined) resolveOffset(lastOffset);
        lastOffset = undefined;
      };
      const park = async (
        message: KafkaMessage,
        reason: DeadLetterReason,
        error: string,
        attempts: number,
      ) => {
        await flush();
        log.warn(
          { topic, partition, offset: message.offset, reason, error },
          'record parked on dead-letter topic',
        );
        await parkDeadLetter(bus, { groupId, topic, partition, message, reason, error, attempts });
        obs.deadLettered?.(logicalTopic, reason);
        resolveOffset(message.offset);
      };

      const parsed = batch.messages.map((message) => {
        try {
          return { message, parsed: parse(message) };
        } catch (err) {
          if (err instanceof PoisonRecord) return { message, poison: err };
          throw err;
        }
      });
      for (const { message, parsed: p, poison } of parsed) {
        if (!isRunning() || isStale()) break;
        if (poison) {
          await park(message, poison.reason, poison.message, 0);
          continue;
        }
        lastOffset = message.offset;
        if (!p) continue;
        const { sub, event } = p;
        if (await processed.has(event.id, event.time)) {
          log.debug({ eventId: event.id, type: event.type }, 'duplicate event skipped');
          obs.handled?.(logicalTopic, 'duplicate', 0);
          continue;
        }
        for (let attempt = 1; ; attempt++) {
          const started = performance.now();
          try {
            await sub.handle(event as never, { topic, partition, offset: message.offset, attempt });
            if (sub.idempotent) processed.remember(event.id);
            else processed.add(event.id, event.type);
            obs.handled?.(logicalTopic, 'ok', performance.now() - started);
            break;
          } catch (err) {
            obs.handled?.(logicalTopic, 'retry', performance.now() - started);
            const error = err instanceof Error ? err.message : String(err);
            if (attempt >= maxAttempts) {
              lastOffset = undefined;
              await park(message, 'HANDLER_FAILED', error, attempt);
              break;
            }
            log.warn({ eventId: event.id, type: event.type, attempt, err }, 'handler failed; retrying');
            await flush();
            await waitBackoff(attempt - 1, undefined, opts.retryBaseMs ?? 100, 5_000);
            await heartbeat();
          }
        }
      }
      await flush();
      if (resolved !== undefined) reportLag(BigInt(resolved) + 1n);
      obs.consumerBatch?.(logicalTopic, batch.messages.length);
      // The batch's own commit works while the consumer stops (consumer.commitOffsets does not).
      const commitHere = (offsets: TopicPartitionOffset[]) => commitOffsetsIfNecessary(byTopic(offsets));
      if (stopping || commitIntervalMs === 0) {
        await checkpoint(commitHere);
      } else if (Date.now() - lastCommit >= commitIntervalMs) {
        // Not awaited: the next fetch need not wait for the commit. A commit sent while this
        // consumer's long-poll fetch is on the same broker connection waits behind it (the broker
        // answers one request per connection at a time), so awaiting it here would add up to
        // maxWaitTimeInMs to the next batch's latency.
        void checkpoint(commitHere);
      } else {
        scheduleCommit();
      }
      await heartbeat();
      if (fetchLingerMs > 0 && !stopping) await sleep(fetchLingerMs);
    },
  });
  return {
    ready,
    consumer,
    async stop() {
      stopping = true;
      await commitLater(); // still running: commits what finished so far
      // A batch still in flight commits its own offsets before it returns (stopping is set).
      await consumer.disconnect();
    },
  };
}

function byTopic(offsets: TopicPartitionOffset[]): OffsetsByTopicPartition {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    const list = topics.get(topic) ?? [];
    list.push({ partition, offset });
    topics.set(topic, list);
  }
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}

function formatIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
