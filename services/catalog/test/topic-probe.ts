import type { Envelope } from '@pasar/contracts';
import type { Bus } from '@pasar/events';
import { uniqueName, waitFor } from '@pasar/testkit';

/** Records every event on some (prefixed) topics, so a test can wait for the one it expects. */
export async function probeTopics(bus: Bus, logicalTopics: string[]) {
  const seen: Envelope[] = [];
  await bus.ensureTopics(logicalTopics);
  const consumer = bus.kafka.consumer({ groupId: uniqueName('probe'), maxWaitTimeInMs: 20 });
  await consumer.connect();
  await consumer.subscribe({ topics: logicalTopics.map((t) => bus.topic(t)), fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push(JSON.parse(message.value?.toString() ?? 'null') as Envelope);
    },
  });
  return {
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
