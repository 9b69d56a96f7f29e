import type { Envelope } from '@pasar/contracts';
import type { Bus } from '@pasar/events';
import { uniqueName } from '@pasar/testkit';

export interface ReadRecord {
  topic: string;
  key: string | null;
  envelope: Envelope;
}

/** A plain kafkajs consumer (own group) that collects every record of the given logical topics. */
export async function readTopics(bus: Bus, topics: string[]) {
  const records: ReadRecord[] = [];
  const consumer = bus.kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topics: topics.map((t) => bus.topic(t)), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      records.push({
        topic: bus.logicalTopic(topic),
        key: message.key?.toString() ?? null,
        envelope: JSON.parse(message.value?.toString() ?? 'null') as Envelope,
      });
    },
  });
  return { records, stop: () => consumer.disconnect() };
}
