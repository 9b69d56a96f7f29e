import { waitFor } from '@pasar/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { pickupOrder, staffOf } from '../test/fixtures';
import { publish, startOrdersService } from '../test/service';

type Running = Awaited<ReturnType<typeof startOrdersService>>;
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) expect(await r.stop()).toBe(0);
});

async function call(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

async function placeCashPickupOrder(r: Running, key: string) {
  const url = r.service.url;
  const cart = await waitFor(
    async () => {
      const res = await call(`${url}/carts`, {
        method: 'POST',
        body: JSON.stringify({ cooperativeId: 'karangbesuki' }),
      });
      return res.status === 201 ? res.body : undefined;
    },
    { what: 'cooperative in the read model' },
  );
  await waitFor(
    async () =>
      (
        await call(`${url}/carts/${cart.id}/lines`, {
          method: 'POST',
          body: JSON.stringify({ productId: r.product.productId, quantity: 2 }),
        })
      ).status === 200,
    { what: 'product in the read model' },
  );
  const placed = await call(`${url}/orders`, {
    method: 'POST',
    headers: { 'Idempotency-Key': key },
    body: JSON.stringify(pickupOrder(cart.id)),
  });
  expect(placed.status).toBe(201);
  return {
    orderId: placed.body.order.id as string,
    token: placed.body.accessToken as string,
    order: placed.body.order,
  };
}

describe('fulfilment through the real broker and database', () => {
  it('takes a cash pickup order from placed to completed with the pickup code; each event once; a wrong code refused and throttled', async () => {
    const r = await startOrdersService();
    running.push(r);
    const url = r.service.url;
    const { orderId, token, order } = await placeCashPickupOrder(r, `it-${Date.now()}-fulfil`);
    expect(order.notaNumber).toMatch(/^KAR-\d{4}-\d{6}$/);

    await publish(r.bus, stockReserved(orderId, r.product.productId));
    const confirmed = await waitFor(
      async () => {
        const res = await call(`${url}/orders/${orderId}`, { headers: { 'X-Order-Token': token } });
        return res.body.status === 'CONFIRMED' ? res.body : undefined;
      },
      { what: 'order confirmed' },
    );
    const base = `${url}/cooperatives/karangbesuki/orders/${orderId}`;
    const gudang = await staffOf('karangbesuki', 'gudang');
    const kasir = await staffOf('karangbesuki', 'kasir');

    expect((await call(`${base}/pack`, { method: 'POST', headers: gudang })).body.status).toBe('PACKED');
    expect((await call(`${base}/ready`, { method: 'POST', headers: gudang })).body.status).toBe(
      'READY_FOR_PICKUP',
    );

    const handOver = (pickupCode: string) =>
      call(`${base}/hand-over`, {
        method: 'POST',
        headers: kasir,
        body: JSON.stringify({ pickupCode, cashReceived: 50_000 }),
      });
    const wrong = await handOver('ZZZZZZ');
    expect([wrong.status, wrong.body.code]).toEqual([422, 'ORDER.WRONG_PICKUP_CODE']);
    const done = await handOver(confirmed.pickupCode);
    expect(done.body).toMatchObject({
      status: 'COMPLETED',
      cashReceived: 50_000,
      change: 20_000,
      handover: 'pickup_code',
    });

    await waitFor(() => r.listener.of('pasar.orders.order.completed', orderId).length === 1, {
      what: 'OrderCompleted published',
    });
    await waitFor(() => r.listener.auditsOf(orderId).length === 4, { what: 'four audit entries' });
    for (const type of ['packed', 'ready-for-pickup', 'completed']) {
      expect(r.listener.of(`pasar.orders.order.${type}`, orderId)).toHaveLength(1);
    }
    expect(r.listener.of('pasar.orders.order.completed', orderId)[0]!.data).toMatchObject({
      notaNumber: order.notaNumber,
      paymentMethod: 'cash',
      total: 30_000,
      cashReceived: 50_000,
      handover: 'pickup_code',
    });
    expect(
      r.listener
        .auditsOf(orderId)
        .map((e) => (e.data as { action: string }).action)
        .sort(),
    ).toEqual([
      'orders.order.completed',
      'orders.order.packed',
      'orders.order.pickup-code-refused',
      'orders.order.ready-for-pickup',
    ]);

    const queue = await call(`${url}/cooperatives/karangbesuki/orders/queue?fulfilment=pickup`, {
      headers: kasir,
    });
    const completed = queue.body.columns.find((c: { key: string }) => c.key === 'completed');
    expect(completed.orders.map((o: { id: string }) => o.id)).toContain(orderId);
    const nota = await fetch(`${url}/orders/${orderId}/nota.pdf?token=${token}`);
    expect(nota.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await nota.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');

    // A second order: five wrong codes, then even the right one waits (429, Retry-After).
    const second = await placeCashPickupOrder(r, `it-${Date.now()}-throttle`);
    await publish(r.bus, stockReserved(second.orderId, r.product.productId));
    const secondBase = `${url}/cooperatives/karangbesuki/orders/${second.orderId}`;
    await waitFor(
      async () => (await call(`${secondBase}/pack`, { method: 'POST', headers: gudang })).status === 200,
      {
        what: 'second order confirmed and packed',
      },
    );
    await call(`${secondBase}/ready`, { method: 'POST', headers: gudang });
    const attempt = (pickupCode: string) =>
      call(`${secondBase}/hand-over`, {
        method: 'POST',
        headers: kasir,
        body: JSON.stringify({ pickupCode, cashReceived: 30_000 }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt('ZZZZZZ')).status).toBe(422);
    const code = (
      await call(`${url}/orders/${second.orderId}`, { headers: { 'X-Order-Token': second.token } })
    ).body.pickupCode;
    const throttled = await attempt(code);
    expect([throttled.status, throttled.body.code]).toEqual([429, 'ORDER.PICKUP_CODE_THROTTLED']);
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
