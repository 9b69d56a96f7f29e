import type { Envelope } from '@pasar/contracts';
import { uniqueName, waitFor } from '@pasar/testkit';
import type { Bus } from '../bus';

export interface ReadRecord {
  topic: string;
  key: string | null;
  envelope: Envelope;
}

/**
 * A plain kafkajs consumer in a group of its own that collects every record of some logical
 * (prefixed) topics from the beginning, so a test can wait for the event it expects.
 */
export async function readTopics(bus: Bus, logicalTopics: string[]) {
  const records: ReadRecord[] = [];
  const seen: Envelope[] = [];
  await bus.ensureTopics(logicalTopics);
  const consumer = bus.kafka.consumer({ groupId: uniqueName('reader'), maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topics: logicalTopics.map((t) => bus.topic(t)), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, message }) => {
      const envelope = JSON.parse(message.value?.toString() ?? 'null') as Envelope;
      records.push({ topic: bus.logicalTopic(topic), key: message.key?.toString() ?? null, envelope });
      seen.push(envelope);
    },
  });
  return {
    records,
    seen,
    /** The first event of `type` about `subject`, once it arrives. */
    waitFor: (type: string, subject: string) =>
      waitFor(() => seen.find((e) => e.type === type && e.subject === subject), {
        what: `${type} for ${subject}`,
        timeoutMs: 30_000,
      }),
    stop: () => consumer.disconnect(),
  };
}
