import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newEvent, ProductPublished } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { Bus, createLogger, on, outboxFields, startConsumer, startOutboxRelay } from '@pasar/events';
import { type KafkaHandle, startKafka } from '@pasar/infra';
import { testDatabase, uniqueName, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';

// (e) of the foundation issue: the broker restarts while events flow through outbox → relay →
// Kafka → consumer. Nothing may be lost and nothing applied twice. This suite owns its broker
// so the restart cannot disturb other suites.
let kafka: KafkaHandle;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pasar-chaos-'));
  kafka = await startKafka({ dataDir });
});

afterAll(async () => {
  await kafka?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('(e) loses no event and applies none twice when the broker restarts mid-stream', async () => {
  const logger = createLogger('chaos', process.env.TEST_LOG_LEVEL ?? 'silent');
  const bus = new Bus({
    brokers: [kafka.brokers],
    clientId: 'chaos',
    topicPrefix: `${uniqueName('c')}.`,
    logger,
  });
  const db = await testDatabase('chaos');
  const products = db.conn.collection('products');
  const applied = db.conn.collection<{ _id: string; n: number }>('applied');
  const consumer = await startConsumer({
    bus,
    groupId: uniqueName('chaos-group'),
    processed: db.conn.collection('processed_events'),
    maxAttempts: 1_000, // a handler never fails here; retries belong to the broker outage
    subscriptions: [
      on(ProductPublished, async (evt) => {
        // Deliberately not idempotent: a second application shows up as n = 2.
        await applied.updateOne({ _id: evt.data.productId }, { $inc: { n: 1 } }, { upsert: true });
      }),
    ],
  });
  await consumer.ready;
  const relay = startOutboxRelay({ bus, collections: [products], sweepIntervalMs: 500 });
  const total = 300;
  let written = 0;

  const writer = (async () => {
    for (; written < total; written++) {
      const productId = `p${written}`;
      const evt = newEvent(
        ProductPublished,
        productId,
        { ...(SAMPLE_DATA[ProductPublished.type] as object), productId } as never,
        {
          source: 'urn:pasar:chaos',
          cooperativeId: 'karangbesuki',
        },
      );
      await products.insertOne({ _id: productId, ...outboxFields([evt]) } as never);
      relay.nudge(products, productId);
      await sleep(10); // a steady flow of ~100 writes/s spanning the restart
    }
  })();

  await waitFor(async () => (await applied.countDocuments()) >= 50, {
    what: 'events flowing before the restart',
  });
  await kafka.restart();
  await writer;

  const progress = setInterval(async () => {
    const a = await applied.countDocuments();
    const pending = await products.countDocuments({ 'outbox.0': { $exists: true } });
    if (process.env.CHAOS_DEBUG) console.log(`[chaos] applied ${a}/${total}, pending in outbox ${pending}`);
  }, 2000);
  await waitFor(async () => (await applied.countDocuments()) === total, {
    timeoutMs: 120_000,
    what: `all ${total} events applied`,
  }).finally(() => clearInterval(progress));
  const twice = await applied.countDocuments({ n: { $ne: 1 } });
  expect(twice).toBe(0);
  expect(await products.countDocuments({ 'outbox.0': { $exists: true } })).toBe(0);

  await relay.stop();
  await consumer.stop();
  await bus.disconnect();
  await db.drop();
});
