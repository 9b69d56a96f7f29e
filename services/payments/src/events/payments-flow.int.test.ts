import {
  type Envelope,
  newEvent,
  OrderCancelled,
  OrderPaymentRequested,
  PaymentRefunded,
  PaymentSessionOpened,
  PaymentSucceeded,
  Topics,
} from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { readTopics, testBus, waitUntilHandled } from '@pasar/events/testing';
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
    MIDTRANS_BASE_URL: testInfra().midtransBaseUrl,
    MIDTRANS_SERVER_KEY: testInfra().midtransServerKey,
    STRIPE_API_BASE: testInfra().stripeApiBase,
    STOREFRONT_URL: 'http://shop.test',
    PAYMENTS_SWEEP_INTERVAL_MS: '500',
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
  // The sample request is Rp 35.000 with its items (lines + delivery).
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

/** The group committed past the event: its handler's write is done. */
const handled = (event: Envelope) => waitUntilHandled(bus, groupId, event);

const payments = (orderId: string) => db.conn.collection('payments').find({ orderId }).toArray();
const relayed = (orderId: string) =>
  waitFor(async () => (await payments(orderId)).every((p) => (p.outbox ?? []).length === 0), {
    what: 'outbox drained',
  });
const ofType = (type: string) => (orderId: string) =>
  reader.records.filter((r) => r.envelope.type === type && r.key === orderId);
const sessionsOpened = ofType(PaymentSessionOpened.type);
const succeeded = ofType(PaymentSucceeded.type);
const refunded = ofType(PaymentRefunded.type);

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
      amount: 35_000,
      attempt: 1,
    });
    await waitFor(() => sessionsOpened(orderId).length > 0, { what: 'PaymentSessionOpened' });
    const opened = sessionsOpened(orderId);
    expect(opened).toHaveLength(1);
    expect(PaymentSessionOpened.envelope.parse(opened[0]?.envelope)).toMatchObject({
      causationid: request.id,
      correlationid: request.correlationid,
      data: { orderId, paymentId: docs[0]?._id, provider: 'cash', redirectUrl: null, amount: 35_000 },
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

  it('QRIS: opens a Snap page, and a signed notification confirmed by the status API publishes one PaymentSucceeded', async () => {
    const orderId = newOrderId();
    const request = paymentRequested(orderId, 'qris');
    await publish(request);
    await waitFor(() => sessionsOpened(orderId).length > 0, { what: 'PaymentSessionOpened' });
    const opened = PaymentSessionOpened.envelope.parse(sessionsOpened(orderId)[0]?.envelope);
    expect(opened.data).toMatchObject({ provider: 'midtrans', paymentMethod: 'qris', amount: 35_000 });
    expect(opened.data.redirectUrl).toMatch(
      new RegExp(`^${testInfra().midtransBaseUrl}/snap/v4/redirection/`),
    );

    // The shopper pays on the sandbox page; Midtrans sends the notification twice.
    const ref = `${orderId}-1-1`;
    await sandbox(`/_sandbox/transactions/${ref}/choose`, { payment_type: 'qris' });
    await sandbox(`/_sandbox/transactions/${ref}/pay`, { duplicates: 2 });

    await waitFor(() => succeeded(orderId).length > 0, { what: 'PaymentSucceeded' });
    const [doc] = await payments(orderId);
    expect(doc).toMatchObject({ status: 'PAID', captured: 35_000, providerRecord: { paymentType: 'qris' } });
    await new Promise((r) => setTimeout(r, 1500)); // let the duplicates arrive
    expect(new Set(succeeded(orderId).map((r) => r.envelope.id)).size).toBe(1);
    expect(PaymentSucceeded.envelope.parse(succeeded(orderId)[0]?.envelope)).toMatchObject({
      correlationid: request.correlationid,
      data: { orderId, amount: 35_000 },
    });
  });

  it('refunds a paid QRIS order that is cancelled, exactly once, even when the cancellation is redelivered', async () => {
    const orderId = newOrderId();
    await publish(paymentRequested(orderId, 'qris'));
    await waitFor(() => sessionsOpened(orderId).length > 0, { what: 'PaymentSessionOpened' });
    const ref = `${orderId}-1-1`;
    await sandbox(`/_sandbox/transactions/${ref}/choose`, { payment_type: 'qris' });
    await sandbox(`/_sandbox/transactions/${ref}/pay`, {});
    await waitFor(() => succeeded(orderId).length > 0, { what: 'PaymentSucceeded' });

    const cancelled = newEvent(
      OrderCancelled,
      orderId,
      { ...(SAMPLE_DATA[OrderCancelled.type] as object), orderId } as never,
      ctx,
    );
    await publish(cancelled, cancelled);
    await waitFor(() => refunded(orderId).length > 0, { what: 'PaymentRefunded' });
    const status = await sandboxStatus(ref);
    expect(status.refunds).toHaveLength(1);
    const [doc] = await payments(orderId);
    expect(doc).toMatchObject({
      status: 'REFUNDED',
      refunded: 35_000,
      refund: { reason: 'order_cancelled' },
    });
  });

  it('bank VA: a cancelled paid order becomes a manual refund task (Midtrans cannot refund a VA by API)', async () => {
    const orderId = newOrderId();
    await publish(paymentRequested(orderId, 'bank_transfer'));
    await waitFor(() => sessionsOpened(orderId).length > 0, { what: 'PaymentSessionOpened' });
    const ref = `${orderId}-1-1`;
    await sandbox(`/_sandbox/transactions/${ref}/choose`, { payment_type: 'bank_transfer', bank: 'bca' });
    await sandbox(`/_sandbox/transactions/${ref}/pay`, {});
    await waitFor(() => succeeded(orderId).length > 0, { what: 'PaymentSucceeded' });
    const cancelled = newEvent(
      OrderCancelled,
      orderId,
      { ...(SAMPLE_DATA[OrderCancelled.type] as object), orderId } as never,
      ctx,
    );
    await publish(cancelled);
    await waitFor(async () => (await payments(orderId))[0]?.status === 'MANUAL_REFUND', {
      what: 'MANUAL_REFUND',
    });
    const [doc] = await payments(orderId);
    expect(doc?.providerRecord.vaNumber).toMatch(/^12345\d+/);
  });
});

/** What the sandbox's Core API status says (the provider's own record). */
async function sandboxStatus(ref: string): Promise<{ transaction_status: string; refunds?: unknown[] }> {
  const key = Buffer.from(`${testInfra().midtransServerKey}:`).toString('base64');
  const res = await fetch(`${testInfra().midtransBaseUrl}/v2/${ref}/status`, {
    headers: { authorization: `Basic ${key}` },
  });
  return (await res.json()) as { transaction_status: string; refunds?: unknown[] };
}

async function sandbox(path: string, body: unknown) {
  const res = await fetch(`${testInfra().midtransBaseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
