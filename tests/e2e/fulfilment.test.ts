import { demoAccount } from '@pasar/demo-data';
import {
  OrderCancelled,
  OrderCompleted,
  OrderPacked,
  OrderReadyForPickup,
  PaymentRefunded,
} from '@pasar/contracts';
import { waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, signIn } from '../lib/accounts';
import {
  addToCart,
  api,
  getOrder,
  newCart,
  placeOrder,
  productStock,
  registerCooperative,
  staffAuth,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';
import { midtransRef, midtransStatus, paymentEvents, payOnSandbox, placeOnlineOrder } from '../lib/payments';

// Issue 9 (fulfilment) across the four real services, the real broker and FerretDB: the demo
// cooperative's gudang packs and puts an order out, its kasir hands it over with the shopper's
// pickup code and records the cash; staff cancel a paid order and the money goes back once.
const KB = 'karangbesuki';
let m: TestMarket;
let events: Awaited<ReturnType<typeof paymentEvents>>;
const coop = `ful${Date.now().toString(36)}`;

beforeAll(async () => {
  m = await startTestMarket();
  await seedDemo(m);
  await registerCooperative(m, coop);
  events = await paymentEvents(m);
});

afterAll(async () => {
  await events?.stop();
  await m?.stop();
});

async function staffOf(role: 'kasir' | 'gudang') {
  const a = demoAccount(role, KB);
  return (await signIn(m, a.phone, a.password)).auth('orders');
}

describe('fulfilment', () => {
  it('(a) a cash pickup order goes from placed to completed: gudang packs and puts it out, kasir takes the code and the cash', async () => {
    const products = (await api<any>(`${m.urls.catalog}/cooperatives/${KB}/products?limit=5`)).body.items;
    const product = products.find((p: { price: number }) => p.price > 0);
    const cartId = await newCart(m, KB);
    expect((await addToCart(m, cartId, product.id, 1)).status).toBe(200);
    const placed = await placeOrder(m, cartId);
    expect(placed.status).toBe(201);
    const { id } = placed.body.order;
    const token = placed.body.accessToken;
    expect((placed.body.order as any).notaNumber).toMatch(/^KAR-\d{4}-\d{6}$/);
    const confirmed = await waitForOrderStatus(m, id, token, ['CONFIRMED']);
    const base = `${m.urls.orders}/cooperatives/${KB}/orders/${id}`;
    const gudang = await staffOf('gudang');
    const kasir = await staffOf('kasir');

    expect((await api<any>(`${base}/pack`, { headers: gudang, body: {} })).body.status).toBe('PACKED');
    expect((await api<any>(`${base}/ready`, { headers: gudang, body: {} })).body.status).toBe(
      'READY_FOR_PICKUP',
    );
    const wrong = await api<any>(`${base}/hand-over`, {
      headers: kasir,
      body: { pickupCode: 'ZZZZZZ', cashReceived: confirmed.total },
    });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'ORDER.WRONG_PICKUP_CODE']);
    const cashReceived = Math.ceil(confirmed.total / 50_000) * 50_000 + 50_000;
    const done = await api<any>(`${base}/hand-over`, {
      headers: kasir,
      body: { pickupCode: confirmed.pickupCode, cashReceived },
    });

    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      handover: 'pickup_code',
      cashReceived,
      change: cashReceived - confirmed.total,
    });
    const shopperView = await waitForOrderStatus(m, id, token, ['COMPLETED']);
    expect(shopperView.timeline.slice(-3).map((t: { by?: string }) => t.by)).toEqual([
      'gudang',
      'gudang',
      'kasir',
    ]);
    await waitFor(() => events.distinct(OrderCompleted.type, id) === 1, { what: 'OrderCompleted published' });
    expect(events.distinct(OrderPacked.type, id)).toBe(1);
    expect(events.distinct(OrderReadyForPickup.type, id)).toBe(1);
    expect(events.of(OrderCompleted.type, id)[0]!.envelope.data).toMatchObject({
      notaNumber: shopperView.notaNumber,
      paymentMethod: 'cash',
      total: confirmed.total,
      cashReceived,
    });

    const pdf = await fetch(`${m.urls.orders}/orders/${id}/nota.pdf`, {
      headers: { 'x-order-token': token },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`nota-${shopperView.notaNumber}.pdf`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
    const nota = await api<any>(`${base}/nota`, { headers: kasir });
    expect(nota.body).toMatchObject({
      notaNumber: shopperView.notaNumber,
      status: 'COMPLETED',
      cashReceived,
    });
  });

  it('(b) a QRIS order paid and then cancelled by staff is refunded exactly once, and its stock released', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 21_000, stock: 10, quantity: 1 });
    const ref = midtransRef(o.orderId);
    await payOnSandbox(ref, 'qris');
    await waitForOrderStatus(m, o.orderId, o.token, ['PAID']);
    const pengurus = await staffAuth(m, coop, 'orders');
    const base = `${m.urls.orders}/cooperatives/${coop}/orders/${o.orderId}`;
    expect((await api<any>(`${base}/pack`, { headers: pengurus, body: {} })).body.status).toBe('PACKED');

    const cancel = () =>
      api<any>(`${base}/cancel`, { headers: pengurus, body: { reason: 'Barang rusak saat dikemas' } });
    const answers = await Promise.all([cancel(), cancel()]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const order = await waitFor(
      async () => {
        const v = (await getOrder(m, o.orderId, o.token)).body;
        return v.refund?.status === 'refunded' ? v : undefined;
      },
      { what: 'the order to show its refund', timeoutMs: 60_000 },
    );
    expect(order).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'staff',
      refund: { status: 'refunded', amount: 21_000, via: 'provider', reason: 'order_cancelled' },
    });
    expect(events.distinct(OrderCancelled.type, o.orderId)).toBe(1);
    expect(events.distinct(PaymentRefunded.type, o.orderId)).toBe(1);
    const status = await midtransStatus(ref);
    expect(status.transaction_status).toBe('refund');
    expect(status.refunds).toHaveLength(1);
    await waitFor(
      async () => {
        const s = await productStock(m, o.productId);
        return s.available === 10 && s.reserved === 0;
      },
      { what: 'stock back on the shelf' },
    );
  });
});
