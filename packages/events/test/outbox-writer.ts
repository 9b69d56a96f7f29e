/**
 * A separate process for the bus integration tests: writes products with their events in one
 * single-document insert each, then relays. With PAUSE_BEFORE_PUBLISH=1 it stops right before
 * publishing (and prints ABOUT_TO_PUBLISH) so a test can SIGKILL it at the worst moment.
 */
import { newEvent, ProductPublished } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import mongoose from 'mongoose';
import { Bus, createLogger, outboxFields, startOutboxRelay } from '../src';

const env = process.env as Record<string, string>;
const count = Number(env.COUNT ?? '0');
const conn = await mongoose.createConnection(env.MONGO_URL!, { retryWrites: false }).asPromise();
const coll = conn.collection('products');
const bus = new Bus({
  brokers: env.KAFKA_BROKERS!.split(','),
  clientId: 'outbox-writer',
  topicPrefix: env.TOPIC_PREFIX ?? '',
  logger: createLogger('outbox-writer', 'warn'),
});
await bus.ensureTopics([ProductPublished.topic]);

for (let i = 0; i < count; i++) {
  const productId = `${env.ID_PREFIX ?? 'p'}${i}`;
  const evt = newEvent(
    ProductPublished,
    productId,
    { ...(SAMPLE_DATA[ProductPublished.type] as object), productId } as never,
    { source: 'urn:pasar:test-writer', cooperativeId: 'karangbesuki' },
  );
  await coll.insertOne({ _id: productId, name: `Produk ${i}`, ...outboxFields([evt]) } as never);
}
console.log('WRITTEN');

let stopping = false;
let relay: ReturnType<typeof startOutboxRelay> | undefined;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 2_000).unref(); // a relay held in beforePublish never stops by itself
  await relay?.stop();
  await bus.disconnect();
  await conn.close();
  process.exit(0);
});

relay = startOutboxRelay({
  bus,
  collections: [coll],
  sweepIntervalMs: 200,
  beforePublish:
    env.PAUSE_BEFORE_PUBLISH === '1'
      ? async () => {
          console.log('ABOUT_TO_PUBLISH');
          await new Promise(() => {}); // hold here until killed
        }
      : undefined,
});
await relay.drained();
console.log('DRAINED');
