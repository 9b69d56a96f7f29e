/**
 * Dead letters: list the DLQ topics, show what one holds, or replay it to the original topic.
 *   pnpm --filter @pasar/events dlq list
 *   pnpm --filter @pasar/events dlq show orders.order.v1.dlq.catalog
 *   pnpm --filter @pasar/events dlq replay orders.order.v1.dlq.catalog
 * Env: KAFKA_BROKERS (default 127.0.0.1:9092), KAFKA_TOPIC_PREFIX (default none).
 */
import { Bus } from '../bus';
import { drainDeadLetters, listDeadLetterTopics } from '../dlq';
import { createLogger } from '../logger';

const [command, topic] = process.argv.slice(2);
const bus = new Bus({
  brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
  clientId: 'pasar-dlq-cli',
  logger: createLogger('dlq-cli', 'warn'),
  topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
});

async function main(): Promise<number> {
  if (command === 'list') {
    const topics = await listDeadLetterTopics(bus);
    if (topics.length === 0) console.log('no dead-letter topics');
    for (const t of topics) console.log(`${t.records}\t${t.topic}`);
    return 0;
  }
  if ((command === 'show' || command === 'replay') && topic?.includes('.dlq.')) {
    const letters = await drainDeadLetters(bus, topic, { replay: command === 'replay' });
    for (const l of letters) {
      // Only metadata: record values may hold personal data, so they are not printed.
      console.log(
        JSON.stringify({
          offset: l.offset,
          reason: l.reason,
          error: l.error,
          type: l.eventType,
          id: l.eventId,
          from: `${l.originalTopic}/${l.originalPartition}@${l.originalOffset}`,
        }),
      );
    }
    console.log(
      command === 'replay' ? `replayed ${letters.length} record(s)` : `${letters.length} record(s)`,
    );
    return 0;
  }
  console.error('usage: dlq list | dlq show <topic.dlq.group> | dlq replay <topic.dlq.group>');
  return 2;
}

main()
  .then(async (code) => {
    await bus.disconnect();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(`dlq: ${(err as Error).message}`);
    await bus.disconnect();
    process.exit(1);
  });
