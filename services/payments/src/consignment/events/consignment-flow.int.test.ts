import {
  type Envelope,
  newEvent,
  OrderCompleted,
  OrderPaymentRequested,
  OrderPlaced,
  PaymentRefunded,
  PaymentSucceeded,
  ProductPublished,
  SellerApproved,
  Topics,
} from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { readTopics, testBus, waitUntilHandled } from '@pasar/events/testing';
import { serveJwks } from '@pasar/service-kit/testing';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuer } from '../../testing/fakes';
import { jakartaDay } from '../domain/jakarta';

const bus = testBus('consignment-test');
const groupId = `${bus.topicPrefix}payments-consignment`;
let db: Awaited<ReturnType<typeof testDatabase>>;
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let jwks: Awaited<ReturnType<typeof serveJwks>>;

beforeAll(async () => {
  db = await testDatabase('consignment-flow');
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
    LOG_LEVEL: 'warn',
  });
  reader = await readTopics(bus, [Topics.paymentsConsignment.name, Topics.auditEntry.name]);
});
afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
  await jwks?.close();
});

const A = 'karangbesuki';
const SRI = { sellerId: 'mbr_kb_sri', personId: 'per_kb_sri' };
const ctx = (source: string) => ({ source, cooperativeId: A });
let seq = 0;
const newOrderId = () => `ord_${Date.now().toString(36)}${String(seq++).padStart(8, '0')}`;

async function publish(topic: string, ...events: Envelope[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(topic),
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
}
/** The consignment group committed past the event: its handler's write is done. */
const handled = (event: Envelope) => waitUntilHandled(bus, groupId, event, { timeoutMs: 30_000 });

const line = (productId: string, sellerId: string, unitPrice: number, quantity: number) => ({
  productId,
  sellerId,
  name: `Produk ${productId}`,
  unit: 'pcs' as const,
  unitPrice,
  quantity,
  lineTotal: unitPrice * quantity,
});

/** One order's events, as orders and payments publish them. */
function order(paymentMethod: 'qris' | 'cash', lines: ReturnType<typeof line>[], nota: string) {
  const orderId = newOrderId();
  const total = lines.reduce((s, l) => s + l.lineTotal, 0);
  const orders = ctx('urn:pasar:orders');
  return {
    orderId,
    placed: newEvent(
      OrderPlaced,
      orderId,
      {
        ...(SAMPLE_DATA[OrderPlaced.type] as object),
        orderId,
        cooperativeId: A,
        lines,
        subtotal: total,
        deliveryFee: 0,
        total,
        paymentMethod,
      } as never,
      orders,
    ),
    requested: newEvent(
      OrderPaymentRequested,
      orderId,
      {
        ...(SAMPLE_DATA[OrderPaymentRequested.type] as object),
        orderId,
        paymentMethod,
        amount: total,
        items: undefined,
      } as never,
      orders,
    ),
    succeeded: newEvent(
      PaymentSucceeded,
      orderId,
      { orderId, paymentId: `pay_${orderId}`, amount: total },
      ctx('urn:pasar:payments'),
    ),
    refunded: newEvent(
      PaymentRefunded,
      orderId,
      {
        orderId,
        paymentId: `pay_${orderId}`,
        amount: total,
        refundId: `rf_${orderId}`,
        via: 'provider',
        reason: 'order_cancelled',
      },
      ctx('urn:pasar:payments'),
    ),
    completed: newEvent(
      OrderCompleted,
      orderId,
      {
        orderId,
        notaNumber: nota,
        paymentMethod,
        total,
        cashReceived: paymentMethod === 'cash' ? total + 5_000 : null,
        handover: 'pickup_code',
        lines,
      },
      orders,
    ),
  };
}

async function token(roles: string[], personId: string, position?: string) {
  const grant = { cooperativeId: A, roles, ...(position ? { position } : {}) };
  return {
    authorization: `Bearer ${await issuer.token({ personId, grants: [grant] } as never, { service: 'payments' })}`,
  };
}

describe('consignment over the real broker and FerretDB', () => {
  it('real order and payment events make the statement; a redelivery changes nothing; a payout is published', async () => {
    const bendahara = await token(['anggota', 'pengurus'], 'per_kb_bendahara', 'bendahara');
    const seller = await token(['anggota', 'penjual'], SRI.personId);

    // The seller and a snack's category arrive from membership and catalog; the bendahara sets 15 % for snacks.
    const approved = newEvent(
      SellerApproved,
      SRI.sellerId,
      {
        ...SRI,
        cooperativeId: A,
        shopName: 'Keripik Bu Sri',
        description: 'Keripik tempe',
        handoff: 'drop_off',
      },
      ctx('urn:pasar:membership'),
    );
    const snack = newEvent(
      ProductPublished,
      'keripik',
      {
        ...(SAMPLE_DATA[ProductPublished.type] as object),
        productId: 'keripik',
        sellerId: SRI.sellerId,
        category: 'makanan-ringan',
      } as never,
      ctx('urn:pasar:catalog'),
    );
    await publish(Topics.membershipSeller.name, approved);
    await publish(Topics.catalogProduct.name, snack);
    await handled(approved);
    await handled(snack);
    const put = await fetch(`${service.url}/cooperatives/${A}/consignment-settings`, {
      method: 'PUT',
      headers: { ...bendahara, 'content-type': 'application/json' },
      body: JSON.stringify({ commissionBps: 1000, categoryBps: { 'makanan-ringan': 1500 } }),
    });
    expect(put.status).toBe(200);

    // 1. QRIS: keripik 2 × 15.000 (15 % = 4.500) and the cooperative's own LPG (not consignment), handed over.
    const o1 = order(
      'qris',
      [line('keripik', SRI.sellerId, 15_000, 2), line('lpg', 'mbr_kb_koperasi', 20_000, 1)],
      'KRB-2026-000101',
    );
    // 2. Cash at pickup: 1 × 12.345 of a product catalog never told us about (10 %: 1.234,5 → 1.235).
    const o2 = order('cash', [line('kue', SRI.sellerId, 12_345, 1)], 'KRB-2026-000102');
    // 3. QRIS, paid, then refunded before handover: 20.000 of keripik comes off again.
    const o3 = order('qris', [line('keripik', SRI.sellerId, 10_000, 2)], 'KRB-2026-000103');
    await publish(
      Topics.ordersOrder.name,
      o1.placed,
      o1.requested,
      o2.placed,
      o2.requested,
      o3.placed,
      o3.requested,
    );
    await publish(Topics.paymentsPayment.name, o1.succeeded, o3.succeeded);
    await handled(o1.succeeded);
    await handled(o3.succeeded);
    await publish(Topics.ordersOrder.name, o1.completed, o2.completed);
    await publish(Topics.paymentsPayment.name, o3.refunded);
    // Topics run side by side: wait for every event, not only the last of one topic.
    for (const e of [o1.placed, o2.placed, o3.placed, o1.completed, o2.completed, o3.refunded])
      await handled(e);

    const month = jakartaDay(new Date(o1.succeeded.time)).slice(0, 7);
    const statementUrl = `${service.url}/cooperatives/${A}/sellers/${SRI.sellerId}/statement?month=${month}`;
    const read = async () => (await fetch(statementUrl, { headers: seller })).json() as Promise<any>;
    const statement = await read();
    // 30.000 − 4.500 + 12.345 − 1.235 + 20.000 − 3.000 − 20.000 + 3.000 = 36.610
    expect(statement.closingBalance).toBe(36_610);
    const lines = statement.lines.map((l: any) => [l.kind, l.notaNumber, l.amount]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['sale', 'KRB-2026-000101', 30_000],
        ['commission', 'KRB-2026-000101', -4_500],
        ['sale', 'KRB-2026-000102', 12_345],
        ['commission', 'KRB-2026-000102', -1_235],
        ['sale', null, 20_000],
        ['commission', null, -3_000],
        ['refund', null, -20_000],
        ['commission_reversal', null, 3_000],
      ]),
    );
    expect(lines).toHaveLength(8);
    expect(statement.lines.reduce((s: number, l: any) => s + l.amount, 0)).toBe(36_610);

    // Every event delivered again (a relay republishing, a consumer rebalancing): nothing changes.
    await publish(Topics.ordersOrder.name, o1.placed, o1.completed, o2.completed, o3.placed);
    await publish(Topics.paymentsPayment.name, o1.succeeded, o3.succeeded, o3.refunded);
    // payments itself publishes a PaymentSucceeded for the cash order at handover: wait for it too.
    await waitFor(
      async () => (await read()).lines.length === 8 && (await fetch(statementUrl, { headers: seller })).ok,
      {
        what: 'statement stable',
      },
    );
    const marker = newEvent(
      PaymentSucceeded,
      o1.orderId,
      { orderId: o1.orderId, paymentId: 'pay_marker', amount: 1 },
      ctx('urn:pasar:payments'),
    );
    await publish(Topics.paymentsPayment.name, marker);
    await handled(marker); // everything published before it on that partition was handled
    expect(await read()).toEqual(statement);

    // The balance and what the bendahara may pay: all of it is handed over.
    const accountUrl = `${service.url}/cooperatives/${A}/sellers/${SRI.sellerId}/consignment`;
    expect(await (await fetch(accountUrl, { headers: seller })).json()).toMatchObject({
      balance: 36_610,
      availableForPayout: 36_610,
      pending: 0,
    });
    const payout = await fetch(`${service.url}/cooperatives/${A}/sellers/${SRI.sellerId}/payouts`, {
      method: 'POST',
      headers: { ...bendahara, 'content-type': 'application/json', 'idempotency-key': `int-${o1.orderId}` },
      body: JSON.stringify({ amount: 30_000, method: 'transfer', note: 'BRI', receiptNumber: 'TRF-0001' }),
    });
    expect(payout.status).toBe(201);
    expect(((await payout.json()) as { consignment: unknown }).consignment).toMatchObject({
      balance: 6_610,
      availableForPayout: 6_610,
    });

    // What moved money went out on payments.consignment.v1, keyed by the seller, once each.
    await waitFor(
      () =>
        reader.records.some(
          (r) => r.envelope.type === 'pasar.payments.consignment.payout-recorded' && r.key === SRI.sellerId,
        ),
      { what: 'ConsignmentPayoutRecorded published' },
    );
    const mine = reader.records.filter((r) => r.key === SRI.sellerId).map((r) => r.envelope.type);
    expect(mine.sort()).toEqual([
      'pasar.payments.consignment.payout-recorded',
      'pasar.payments.consignment.refund-recorded',
      'pasar.payments.consignment.sale-recorded',
      'pasar.payments.consignment.sale-recorded',
      'pasar.payments.consignment.sale-recorded',
    ]);
    const audits = () =>
      reader.records
        .filter((r) => r.topic === Topics.auditEntry.name)
        .map((r) => (r.envelope.data as { action: string }).action);
    await waitFor(() => audits().includes('payments.consignment.settings-changed'), {
      what: 'settings audited',
    });
    await waitFor(() => audits().includes('payments.consignment.payout-recorded'), {
      what: 'payout audited',
    });
  }, 90_000);
});
