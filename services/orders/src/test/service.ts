import { ALL_TOPICS, type Envelope, EVENT_REGISTRY, newEvent } from '@pasar/contracts';
import {
  AuditRecorded,
  CooperativeRegistered,
  OrderCancelled,
  OrderCompleted,
  OrderConfirmed,
  OrderExpired,
  OrderOutForDelivery,
  OrderPacked,
  OrderPaymentRequested,
  OrderPlaced,
  OrderReadyForPickup,
  OrderRejected,
  ProductPublished,
} from '@pasar/contracts';
import { type Bus, on, startConsumer } from '@pasar/events';
import { freePort, mongoUrlFor, spawnService, testDatabase, testInfra, uniqueName } from '@pasar/testkit';
import { testBus, waitUntilHandled } from '@pasar/events/testing';
import mongoose from 'mongoose';
import { aCooperative, aProduct, issuer } from './fixtures';
import { serveJwks } from '@pasar/service-kit/testing';

/** Publishes envelopes as a producing service would: on their topic, keyed by subject. */
export async function publish(bus: Bus, ...events: Envelope[]): Promise<void> {
  const producer = await bus.producer();
  for (const evt of events) {
    const def = EVENT_REGISTRY.get(evt.type);
    if (!def) throw new Error(`unknown event ${evt.type}`);
    await producer.send({
      topic: bus.topic(def.topic),
      acks: -1,
      messages: [{ key: evt.subject, value: JSON.stringify(evt) }],
    });
  }
}

/** Collects what the orders service publishes on orders.order.v1 (its own consumer group). */
async function listenToOrders(bus: Bus) {
  const db = await testDatabase('orders-listener');
  const seen: Envelope[] = [];
  const collect = async (evt: Envelope) => void seen.push(evt);
  const consumer = await startConsumer({
    bus,
    groupId: uniqueName('orders-listener'),
    processed: db.conn.collection('processed_events'),
    subscriptions: [
      OrderPlaced,
      OrderPaymentRequested,
      OrderConfirmed,
      OrderRejected,
      OrderExpired,
      OrderCancelled,
      OrderPacked,
      OrderReadyForPickup,
      OrderOutForDelivery,
      OrderCompleted,
      AuditRecorded,
    ].map((d) => on(d, collect)),
  });
  return {
    seen,
    of: (type: string, orderId: string) => seen.filter((e) => e.type === type && e.subject === orderId),
    /** Audit entries are keyed by cooperative: found by their target instead. */
    auditsOf: (orderId: string) =>
      seen.filter(
        (e) => e.type === AuditRecorded.type && (e.data as { target: { id: string } }).target.id === orderId,
      ),
    async stop() {
      await consumer.stop();
      await db.drop();
    },
  };
}

/**
 * The orders service in its own process (services/orders/src/main.ts) on a private database and
 * topic prefix, plus a listener on its topic, with Karangbesuki and one product published to it.
 */
export async function startOrdersService(env: Record<string, string> = {}) {
  const bus = testBus('orders-it');
  await bus.ensureTopics(ALL_TOPICS);
  const dbName = uniqueName('orders_it');
  const jwks = await serveJwks(issuer);
  const service = await spawnService('orders', await freePort(), {
    MONGO_URL: mongoUrlFor(dbName),
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    KAFKA_TOPIC_PREFIX: bus.topicPrefix,
    MEMBERSHIP_JWKS_URL: jwks.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  });
  const listener = await listenToOrders(bus);
  const serviceDb = await mongoose.createConnection(mongoUrlFor(dbName), { retryWrites: false }).asPromise();
  const groupId = `${bus.topicPrefix}orders`;
  const product = aProduct({ price: 15_000 });
  const ctx = { source: 'urn:pasar:test', cooperativeId: 'karangbesuki' };
  await publish(
    bus,
    newEvent(CooperativeRegistered, 'karangbesuki', aCooperative(), ctx),
    newEvent(ProductPublished, product.productId, product, ctx),
  );
  return {
    bus,
    service,
    listener,
    product,
    /** Resolves once the service's consumer group has applied the event (committed past it). */
    handled(event: Envelope): Promise<void> {
      return waitUntilHandled(bus, groupId, event);
    },
    async stop() {
      await listener.stop();
      const code = await service.stop();
      await bus.disconnect();
      await serviceDb.dropDatabase().catch(() => undefined);
      await serviceDb.close();
      await jwks.close();
      return code;
    },
  };
}
