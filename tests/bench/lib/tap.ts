import type { Bus } from '@pasar/events';

export interface Tap {
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * A bench's view of a topic: a bare kafkajs consumer that reads every record's envelope and hands
 * `type` and `data` to `onEvent`. No processed ids, no dead letters, no schema parse: the bench
 * only times what the services publish, so its observer must not add writes to the market's
 * database (the full consumer records every applied id in FerretDB, which the profile would then
 * charge to the market) nor spend the load generator's CPU on validation the services already did.
 */
export async function startTap(
  bus: Bus,
  groupId: string,
  topics: string[],
  onEvent: (type: string, data: Record<string, unknown>) => void,
): Promise<Tap> {
  await bus.ensureTopics(topics);
  const consumer = bus.kafka.consumer({ groupId, maxWaitTimeInMs: 500, minBytes: 1 });
  bus.instrument('consumer', consumer);
  let joined: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    joined = resolve;
  });
  consumer.on(consumer.events.GROUP_JOIN, () => joined());
  await consumer.connect();
  await consumer.subscribe({ topics: topics.map((t) => bus.topic(t)), fromBeginning: true });
  await consumer.run({
    autoCommit: false, // a fresh group per run: nothing to resume from
    eachBatch: async ({ batch }) => {
      for (const message of batch.messages) {
        const e = JSON.parse(message.value?.toString() ?? 'null') as { type?: string; data?: unknown } | null;
        if (e?.type && e.data && typeof e.data === 'object')
          onEvent(e.type, e.data as Record<string, unknown>);
      }
    },
  });
  return { ready, stop: () => consumer.disconnect() };
}
