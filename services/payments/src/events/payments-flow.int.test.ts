import {
  type Envelope,
  newEvent,
  OrderCancelled,
  OrderPaymentRequested,
  PaymentSessionOpened,
  Topics,
} from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { readTopics, testBus } from '@pasar/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuer, staffHeaders } from '../testing/fakes';
import { serveJwks } from '@pasar/service-kit/testing';

const bus = testBus('payments-test');
const groupId = `${bus.topicPrefix}payments`;
let db: Awaited<ReturnType<typeof testDatabase>>;
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let jwks: Awaited<ReturnType<typeof serveJwks>>;

beforeAll(async () => {
  db = await testDatabase('payments-flow');
  jwks = await serveJwks(issuer);
  service = await spawnService('payments', await freePort(), {
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    MONGO_URL: db.url,
    KAFKA_TOPIC_PREFIX: bus.topicPrefix,
    MEMBERSHIP_JWKS_URL: jwks.url,
    LOG_LEVEL: 'warn',
  });
  reader = await readTopics(bus, [Topics.paymentsPayment.name]);
});
afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
  await jwks?.close();
});

let seq = 0;
const newOrderId = () => `ord_${Date.now().toString(36)}${String(seq++).padStart(6, '0')}`;
const ctx = { source: 'urn:pasar:orders', cooperativeId: 'karangbesuki' };

function paymentRequested(orderId: string, paymentMethod = 'cash') {
  const data = { ...(SAMPLE_DATA[OrderPaymentRequested.type] as object), orderId, paymentMethod };
  return newEvent(OrderPaymentRequested, orderId, data as never, ctx);
}

async function publish(...events: Envelope[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(Topics.ordersOrder.name),
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
}

/** The consumer records an event id only after its handler's write: proof the event was applied. */
const handled = (event: Envelope) =>
  waitFor(() => db.conn.collection('processed_events').findOne({ _id: `${groupId}:${event.id}` as never }), {
    what: `${event.type} handled`,
  });

const payments = (orderId: string) => db.conn.collection('payments').find({ orderId }).toArray();
const relayed = (orderId: string) =>
  waitFor(async () => (await payments(orderId)).every((p) => (p.outbox ?? []).length === 0), {
    what: 'outbox drained',
  });
const sessionsOpened = (orderId: string) =>
  reader.records.filter((r) => r.envelope.type === PaymentSessionOpened.type && r.key === orderId);

describe('payments over the real broker', () => {
  it('opens one cash payment and one PaymentSessionOpened for a request delivered twice', async () => {
    const orderId = newOrderId();
    const request = paymentRequested(orderId);
    const resent = paymentRequested(orderId); // same order, new event id: e.g. orders' relay republished

    await publish(request, request, resent);
    await handled(resent);
    await relayed(orderId);

    const docs = await payments(orderId);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      status: 'PENDING_COLLECTION',
      provider: 'cash',
      amount: 30_000,
      attempt: 1,
    });
    await waitFor(() => sessionsOpened(orderId).length > 0, { what: 'PaymentSessionOpened' });
    const opened = sessionsOpened(orderId);
    expect(opened).toHaveLength(1);
    expect(PaymentSessionOpened.envelope.parse(opened[0]?.envelope)).toMatchObject({
      causationid: request.id,
      correlationid: request.correlationid,
      data: { orderId, paymentId: docs[0]?._id, provider: 'cash', redirectUrl: null, amount: 30_000 },
    });

    // Tokens are verified against the JWKS URL; another cooperative's kasir learns nothing.
    const byOrder = `${service.url}/payments/by-order/${orderId}`;
    const foreign = await fetch(byOrder, { headers: await staffHeaders('dinoyo', 'kasir') });
    expect(foreign.status).toBe(404);
    const res = await fetch(byOrder, { headers: await staffHeaders('karangbesuki', 'kasir') });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      orderId,
      paymentId: docs[0]?._id,
      status: 'PENDING_COLLECTION',
    });
  });

  it('voids a pending cash payment when the order is cancelled, once', async () => {
    const orderId = newOrderId();
    const cancelled = newEvent(
      OrderCancelled,
      orderId,
      { ...(SAMPLE_DATA[OrderCancelled.type] as object), orderId } as never,
      ctx,
    );
    await publish(paymentRequested(orderId), cancelled, cancelled);
    await handled(cancelled);

    const [doc] = await payments(orderId);
    expect(doc).toMatchObject({ status: 'VOIDED', voidReason: 'cancelled by shopper' });
  });

  it('records a card payment as awaiting its provider, without any event', async () => {
    const orderId = newOrderId();
    const request = paymentRequested(orderId, 'card');
    await publish(request);
    await handled(request);

    const [doc] = await payments(orderId);
    expect(doc).toMatchObject({ status: 'AWAITING_PROVIDER', provider: 'stripe' });
    expect(doc?.outbox ?? []).toHaveLength(0);
    expect(service.output()).toContain('no payment provider is configured yet');
  });
});
