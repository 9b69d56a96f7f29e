import { waitFor } from '@pasar/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import {
  paymentExpired,
  paymentFailed,
  paymentRefunded,
  paymentSessionOpened,
  stockRejected,
  stockReserved,
} from '../test/events';
import { bearer, pickupOrder, staffOf } from '../test/fixtures';
import type { Sent } from '../test/http';
import { readOrderEvents } from '../test/sse';
import { publish, startOrdersService } from '../test/service';

type Running = Awaited<ReturnType<typeof startOrdersService>>;
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) expect(await r.stop()).toBe(0);
});

async function json(url: string, init: RequestInit = {}): Promise<Pick<Sent, 'status' | 'body'>> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  return { status: res.status, body: await res.json() };
}

/** Cart → line (once the read models have the cooperative and product) → order. */
async function placeOrder(
  r: Running,
  key: string,
  headers: Record<string, string> = {},
  overrides: Record<string, unknown> = {},
) {
  const url = r.service.url;
  const cart: Sent['body'] = await waitFor(
    async () => {
      const res = await json(`${url}/carts`, {
        method: 'POST',
        body: JSON.stringify({ cooperativeId: 'karangbesuki' }),
      });
      return res.status === 201 ? res.body : undefined;
    },
    { what: 'cooperative in the read model' },
  );
  await waitFor(
    async () => {
      const res = await json(`${url}/carts/${cart.id}/lines`, {
        method: 'POST',
        body: JSON.stringify({ productId: r.product.productId, quantity: 2 }),
      });
      return res.status === 200;
    },
    { what: 'product in the read model' },
  );
  const placed = await json(`${url}/orders`, {
    method: 'POST',
    headers: { 'Idempotency-Key': key, ...headers },
    body: JSON.stringify(pickupOrder(cart.id, overrides)),
  });
  expect(placed.status).toBe(201);
  const { order, accessToken } = placed.body;
  const get = () => json(`${url}/orders/${order.id}`, { headers: { 'X-Order-Token': accessToken } });
  const stream = () => fetch(`${url}/orders/${order.id}/events?token=${accessToken}`);
  return { orderId: order.id as string, get, stream };
}

describe('orders service through the real broker', () => {
  it('confirms a cash order when catalog reserves the stock, and publishes OrderConfirmed', async () => {
    const r = await startOrdersService();
    running.push(r);
    const { orderId, get, stream } = await placeOrder(r, `it-${Date.now()}-confirm`);
    await waitFor(() => r.listener.of('pasar.orders.order.placed', orderId).length === 1, {
      what: 'OrderPlaced published',
    });
    const live = readOrderEvents(await stream(), 2);

    await publish(r.bus, stockReserved(orderId, r.product.productId));

    const confirmed = await waitFor(
      async () => {
        const { body } = await get();
        return body.status === 'CONFIRMED' ? body : undefined;
      },
      { what: 'order CONFIRMED' },
    );
    expect(confirmed.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect((await live).map((o) => [o.status, o.pickupCode])).toEqual([
      ['PLACED', null],
      ['CONFIRMED', confirmed.pickupCode],
    ]);
    await waitFor(() => r.listener.of('pasar.orders.order.confirmed', orderId).length === 1, {
      what: 'OrderConfirmed published',
    });
    expect(r.listener.of('pasar.orders.order.payment-requested', orderId)[0]?.data).toMatchObject({
      paymentMethod: 'cash',
      amount: 30_000,
    });
  });

  it('rejects an order when catalog cannot hold the stock, keeping the reason', async () => {
    const r = await startOrdersService();
    running.push(r);
    const { orderId, get } = await placeOrder(r, `it-${Date.now()}-reject`);

    await publish(r.bus, stockRejected(orderId, r.product.productId, 2, 1));

    const rejected = await waitFor(
      async () => {
        const { body } = await get();
        return body.status === 'REJECTED' ? body : undefined;
      },
      { what: 'order REJECTED' },
    );
    expect(rejected.rejection).toMatchObject({ reason: 'INSUFFICIENT_STOCK', requested: 2, available: 1 });
    await waitFor(() => r.listener.of('pasar.orders.order.rejected', orderId).length === 1, {
      what: 'OrderRejected published',
    });
  });

  it('expires an order nobody confirmed and publishes OrderExpired', async () => {
    const r = await startOrdersService({ ORDER_EXPIRY_SECONDS: '1', ORDER_SWEEP_INTERVAL_MS: '200' });
    running.push(r);
    const { orderId, get } = await placeOrder(r, `it-${Date.now()}-expire`);

    const expired = await waitFor(
      async () => {
        const { body } = await get();
        return body.status === 'EXPIRED' ? body : undefined;
      },
      { what: 'order EXPIRED' },
    );
    expect(expired.canCancel).toBe(false);
    await waitFor(() => r.listener.of('pasar.orders.order.expired', orderId).length === 1, {
      what: 'OrderExpired published',
    });
    // A late reservation for an expired order changes nothing.
    const late = stockReserved(orderId, r.product.productId);
    await publish(r.bus, late);
    await r.handled(late);
    expect((await get()).body.status).toBe('EXPIRED');
    expect(r.listener.of('pasar.orders.order.confirmed', orderId)).toEqual([]);
  });

  it('verifies access tokens against the JWKS URL: Pesanan saya, audited pack and staff cancel', async () => {
    const r = await startOrdersService();
    running.push(r);
    const url = r.service.url;
    const buyer = await bearer('per_it_buyer');
    const packMe = await placeOrder(r, `it-${Date.now()}-pack`, buyer);
    const cancelMe = await placeOrder(r, `it-${Date.now()}-staff-cancel`);
    await publish(r.bus, stockReserved(packMe.orderId, r.product.productId));
    await waitFor(async () => (await packMe.get()).body.status === 'CONFIRMED', { what: 'order CONFIRMED' });

    const mine = await json(`${url}/me/orders`, { headers: buyer });
    expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([packMe.orderId]);

    const staffUrl = (id: string) => `${url}/cooperatives/karangbesuki/orders/${id}`;
    const pengawas = await json(`${staffUrl(packMe.orderId)}/pack`, {
      method: 'POST',
      headers: await staffOf('karangbesuki', 'pengawas'),
    });
    expect(pengawas.status).toBe(403);
    const packed = await json(`${staffUrl(packMe.orderId)}/pack`, {
      method: 'POST',
      headers: await staffOf('karangbesuki', 'gudang'),
    });
    expect([packed.status, packed.body.status]).toEqual([200, 'PACKED']);
    const cancelled = await json(`${staffUrl(cancelMe.orderId)}/cancel`, {
      method: 'POST',
      headers: await staffOf('karangbesuki', 'kasir'),
      body: JSON.stringify({ reason: 'Stok rusak' }),
    });
    expect([cancelled.status, cancelled.body.status]).toEqual([200, 'CANCELLED']);

    const [packAudit] = await waitFor(
      () =>
        r.listener.auditsOf(packMe.orderId).length > 0 ? r.listener.auditsOf(packMe.orderId) : undefined,
      { what: 'pack audit entry published' },
    );
    expect(packAudit).toMatchObject({
      subject: 'karangbesuki',
      data: {
        actorId: 'per_karangbesuki_gudang',
        action: 'orders.order.packed',
        after: { status: 'PACKED' },
      },
    });
    await waitFor(() => r.listener.auditsOf(cancelMe.orderId).length === 1, {
      what: 'cancel audit published',
    });
    await waitFor(() => r.listener.of('pasar.orders.order.cancelled', cancelMe.orderId).length === 1, {
      what: 'OrderCancelled published',
    });
    expect(r.listener.of('pasar.orders.order.cancelled', cancelMe.orderId)[0]?.data).toMatchObject({
      by: 'staff',
    });
  });

  /** An online (QRIS) order with its stock held, and payments' session opened for it. */
  async function awaitingPayment(r: Running, name: string) {
    const placed = await placeOrder(r, `it-${Date.now()}-${name}`, {}, { paymentMethod: 'qris' });
    await publish(r.bus, stockReserved(placed.orderId, r.product.productId));
    await waitFor(async () => (await placed.get()).body.status === 'AWAITING_PAYMENT', {
      what: 'order AWAITING_PAYMENT',
    });
    await waitFor(() => r.listener.of('pasar.orders.order.payment-requested', placed.orderId).length === 1, {
      what: 'OrderPaymentRequested published',
    });
    await publish(
      r.bus,
      paymentSessionOpened(placed.orderId, 30_000, { redirectUrl: 'https://pay.test/snap/1' }),
    );
    const opened = await waitFor(
      async () => {
        const { body } = await placed.get();
        return body.payment ? body : undefined;
      },
      { what: 'payment session on the order' },
    );
    expect(opened.payment).toEqual({
      provider: 'midtrans',
      redirectUrl: 'https://pay.test/snap/1',
      deadline: opened.expiresAt,
    });
    return placed;
  }

  it('cancels an online order whose payment failed, and publishes OrderCancelled by the system', async () => {
    const r = await startOrdersService({ PAYMENT_METHODS: 'cash,qris' });
    running.push(r);
    const { orderId, get } = await awaitingPayment(r, 'pay-failed');
    expect(r.listener.of('pasar.orders.order.payment-requested', orderId)[0]?.data).toMatchObject({
      paymentMethod: 'qris',
      amount: 30_000,
      items: [{ id: r.product.productId, unitPrice: 15_000, quantity: 2 }],
    });

    await publish(r.bus, paymentFailed(orderId));

    const cancelled = await waitFor(
      async () => {
        const { body } = await get();
        return body.status === 'CANCELLED' ? body : undefined;
      },
      { what: 'order CANCELLED' },
    );
    expect(cancelled).toMatchObject({ cancelReason: 'payment_failed', payment: { redirectUrl: null } });
    await waitFor(() => r.listener.of('pasar.orders.order.cancelled', orderId).length === 1, {
      what: 'OrderCancelled published',
    });
    expect(r.listener.of('pasar.orders.order.cancelled', orderId)[0]?.data).toMatchObject({ by: 'system' });
  });

  it('expires an online order when its payment expired, publishes OrderExpired, then records a refund', async () => {
    const r = await startOrdersService({ PAYMENT_METHODS: 'cash,qris' });
    running.push(r);
    const { orderId, get } = await awaitingPayment(r, 'pay-expired');

    await publish(r.bus, paymentExpired(orderId));

    await waitFor(async () => (await get()).body.status === 'EXPIRED', { what: 'order EXPIRED' });
    await waitFor(() => r.listener.of('pasar.orders.order.expired', orderId).length === 1, {
      what: 'OrderExpired published',
    });

    // A payment that arrived anyway went back: the order says so, and stays EXPIRED.
    const refunded = paymentRefunded(orderId, 30_000, 'provider');
    await publish(r.bus, refunded, refunded);
    const after = await waitFor(
      async () => {
        const { body } = await get();
        return body.refund ? body : undefined;
      },
      { what: 'refund on the order' },
    );
    expect(after).toMatchObject({
      status: 'EXPIRED',
      refund: { status: 'refunded', amount: 30_000, via: 'provider', reason: 'order_cancelled' },
    });
  });
});
