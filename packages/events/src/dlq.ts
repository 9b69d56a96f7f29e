import { dlqTopic } from '@pasar/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { Bus } from './bus';

export type DeadLetterReason = 'MALFORMED_JSON' | 'INVALID_ENVELOPE' | 'INVALID_DATA' | 'HANDLER_FAILED';

export interface DeadLetter {
  offset: string;
  key: string | null;
  reason: string;
  error: string;
  originalTopic: string;
  originalPartition: string;
  originalOffset: string;
  group: string;
  failedAt: string;
  attempts: string;
  eventType: string | null;
  eventId: string | null;
  value: string | null;
}

const h = (headers: IHeaders | undefined, name: string): string => {
  const v = headers?.[name];
  return v === undefined ? '' : Array.isArray(v) ? String(v[0]) : String(v);
};

/** Parks a record on `<topic>.dlq.<group>` with why it failed; the consumer then goes on. */
export async function parkDeadLetter(
  bus: Bus,
  args: {
    groupId: string;
    topic: string; // physical topic the record came from
    partition: number;
    message: KafkaMessage;
    reason: DeadLetterReason;
    error: string;
    attempts: number;
  },
): Promise<string> {
  const logical = bus.logicalTopic(args.topic);
  const target = dlqTopic(logical, args.groupId);
  await bus.ensureTopics([target]);
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(target),
    acks: -1,
    messages: [
      {
        key: args.message.key,
        value: args.message.value,
        headers: {
          ...(args.message.headers ?? {}),
          'dlq-reason': args.reason,
          'dlq-error': args.error.slice(0, 4000),
          'dlq-original-topic': logical,
          'dlq-original-partition': String(args.partition),
          'dlq-original-offset': args.message.offset,
          'dlq-group': args.groupId,
          'dlq-failed-at': new Date().toISOString(),
          'dlq-attempts': String(args.attempts),
        },
      },
    ],
  });
  return target;
}

function toDeadLetter(m: KafkaMessage): DeadLetter {
  const value = m.value?.toString() ?? null;
  let eventType: string | null = null;
  let eventId: string | null = null;
  try {
    const parsed = JSON.parse(value ?? '') as { type?: unknown; id?: unknown };
    eventType = typeof parsed.type === 'string' ? parsed.type : null;
    eventId = typeof parsed.id === 'string' ? parsed.id : null;
  } catch {
    // malformed records are exactly what lands here
  }
  return {
    offset: m.offset,
    key: m.key?.toString() ?? null,
    reason: h(m.headers, 'dlq-reason'),
    error: h(m.headers, 'dlq-error'),
    originalTopic: h(m.headers, 'dlq-original-topic'),
    originalPartition: h(m.headers, 'dlq-original-partition'),
    originalOffset: h(m.headers, 'dlq-original-offset'),
    group: h(m.headers, 'dlq-group'),
    failedAt: h(m.headers, 'dlq-failed-at'),
    attempts: h(m.headers, 'dlq-attempts'),
    eventType,
    eventId,
    value,
  };
}

/** Dead-letter topics on the broker with how many records each holds. */
export async function listDeadLetterTopics(bus: Bus): Promise<{ topic: string; records: number }[]> {
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter(
      (t) => t.startsWith(bus.topicPrefix) && t.includes('.dlq.'),
    );
    const out: { topic: string; records: number }[] = [];
    for (const topic of topics.sort()) {
      const offsets = await admin.fetchTopicOffsets(topic);
      const records = offsets.reduce((n, o) => n + (Number(o.high) - Number(o.low)), 0);
      out.push({ topic: bus.logicalTopic(topic), records });
    }
    return out;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a dead-letter topic up to its current end. With `replay`, republishes each record to its
 * original topic (same key) and commits, so a replay never sends the same dead letter twice.
 */
export async function drainDeadLetters(
  bus: Bus,
  dlq: string,
  opts: { replay: boolean; groupId?: string },
): Promise<DeadLetter[]> {
  const physical = bus.topic(dlq);
  const groupId = opts.groupId ?? (opts.replay ? 'pasar-dlq-replay' : `pasar-dlq-peek-${Date.now()}`);
  // Partition -> the offset we must reach (the end now), less what this group already handled.
  const admin = bus.kafka.admin();
  await admin.connect();
  const pending = new Map<number, number>();
  try {
    const ends = await admin.fetchTopicOffsets(physical);
    const committed = await admin.fetchOffsets({ groupId, topics: [physical] });
    const done = new Map(
      committed.flatMap((t) => t.partitions.map((p) => [p.partition, Number(p.offset)] as const)),
    );
    for (const o of ends) {
      const start = Math.max(Number(o.low), done.get(o.partition) ?? -1);
      if (Number(o.high) > start) pending.set(o.partition, Number(o.high));
    }
  } finally {
    await admin.disconnect();
  }
  const letters: DeadLetter[] = [];
  if (pending.size === 0) return letters;
  const producer = opts.replay ? await bus.producer() : undefined;
  const consumer = bus.kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: physical, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: opts.replay,
          eachMessage: async ({ partition, message }) => {
            const end = pending.get(partition);
            if (end === undefined || Number(message.offset) >= end) return;
            const letter = toDeadLetter(message);
            if (producer && letter.originalTopic) {
              await producer.send({
                topic: bus.topic(letter.originalTopic),
                acks: -1,
                messages: [{ key: message.key, value: message.value }],
              });
            }
            letters.push(letter);
            if (Number(message.offset) + 1 >= end) pending.delete(partition);
            if (pending.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return letters;
}
