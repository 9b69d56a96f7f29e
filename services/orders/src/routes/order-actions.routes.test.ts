import { describe, expect, it } from 'vitest';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';
import { stockReserved } from '../test/events';
import { ADMIN_TOKEN } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';

describe('GET /orders/:orderId', () => {
  it('shows the order to the token holder, by header or query', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    expect(
      (await send(app, 'GET', `/orders/${order.id}`, undefined, { 'X-Order-Token': accessToken })).body,
    ).toEqual(order);
    expect((await send(app, 'GET', `/orders/${order.id}?token=${accessToken}`)).status).toBe(200);
  });

  it('answers 404 ORDER.NOT_FOUND for a wrong or missing token and an unknown order alike; 400 for a malformed id', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const wrong = 'A'.repeat(43);
    for (const [path, headers] of [
      [`/orders/${order.id}`, { 'X-Order-Token': wrong }],
      [`/orders/${order.id}`, {}],
      ['/orders/ord_AAAAAAAAAAAAAAAAAAAAAAAAAA', { 'X-Order-Token': accessToken }],
    ] as const) {
      const res = await send(app, 'GET', path, undefined, headers);
      expect([res.status, res.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    }
    const bad = await send(app, 'GET', '/orders/12345', undefined, { 'X-Order-Token': accessToken });
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.orderId']);
  });
});

describe('POST /orders/:orderId/cancel', () => {
  it('cancels before packing, keeps the reason in the timeline, emits OrderCancelled', async () => {
    const { app, placedOrder, stores } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const res = await send(
      app,
      'POST',
      `/orders/${order.id}/cancel`,
      { reason: 'Salah pesan' },
      { 'X-Order-Token': accessToken },
    );
    expect(res.body).toMatchObject({ status: 'CANCELLED', canCancel: false });
    expect(res.body.timeline.at(-1)).toMatchObject({ status: 'CANCELLED', note: 'Salah pesan' });
    expect(stores.orders.eventTypes()).toEqual(['pasar.orders.order.placed', 'pasar.orders.order.cancelled']);
    const again = await send(app, 'POST', `/orders/${order.id}/cancel`, {}, { 'X-Order-Token': accessToken });
    expect([again.status, again.body.code]).toEqual([409, 'ORDER.CANNOT_CANCEL']);
  });

  it('answers 404 for a wrong token and 400 for a tampered body', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    expect(
      (await send(app, 'POST', `/orders/${order.id}/cancel`, {}, { 'X-Order-Token': 'B'.repeat(43) })).status,
    ).toBe(404);
    const tampered = await send(
      app,
      'POST',
      `/orders/${order.id}/cancel`,
      { refund: 999 },
      { 'X-Order-Token': accessToken },
    );
    expect([tampered.status, tampered.body.details.issues[0].field]).toEqual([400, 'refund']);
  });
});

describe('POST /orders/:orderId/pack (staff)', () => {
  it('needs the staff token', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order } = await placedOrder();
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong-token-0000000000' },
      { Authorization: ADMIN_TOKEN },
    ];
    for (const headers of attempts) {
      const res = await send(app, 'POST', `/orders/${order.id}/pack`, undefined, headers);
      expect([res.status, res.body.code]).toEqual([401, 'AUTH.UNAUTHORIZED']);
    }
  });

  it('packs a confirmed order, after which the shopper can no longer cancel', async () => {
    const { app, placedOrder, deps, keripik } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const staff = { Authorization: `Bearer ${ADMIN_TOKEN}` };
    const early = await send(app, 'POST', `/orders/${order.id}/pack`, undefined, staff);
    expect([early.status, early.body.code]).toEqual([409, 'ORDER.INVALID_TRANSITION']);
    await applyStockReserved(deps, stockReserved(order.id, keripik.productId));
    const packed = await send(app, 'POST', `/orders/${order.id}/pack`, undefined, staff);
    expect(packed.body).toMatchObject({ status: 'PACKED', canCancel: false });
    const cancel = await send(
      app,
      'POST',
      `/orders/${order.id}/cancel`,
      {},
      { 'X-Order-Token': accessToken },
    );
    expect([cancel.status, cancel.body.code]).toEqual([409, 'ORDER.CANNOT_CANCEL']);
    const unknown = await send(app, 'POST', '/orders/ord_AAAAAAAAAAAAAAAAAAAAAAAAAA/pack', undefined, staff);
    expect(unknown.status).toBe(404);
  });
});
