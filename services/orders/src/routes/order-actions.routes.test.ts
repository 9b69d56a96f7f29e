import { describe, expect, it } from 'vitest';
import { staffOf } from '../test/fixtures';
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

  it('answers 404 ORDER.NOT_FOUND for a wrong token and an unknown order alike; 400 for a malformed id', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const wrong = 'A'.repeat(43);
    for (const [path, headers] of [
      [`/orders/${order.id}`, { 'X-Order-Token': wrong }],
      [`/orders/${order.id}?token=not-a-token`, {}],
      ['/orders/ord_AAAAAAAAAAAAAAAAAAAAAAAAAA', { 'X-Order-Token': accessToken }],
    ] as const) {
      const res = await send(app, 'GET', path, undefined, headers);
      expect([res.status, res.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    }
    const bad = await send(app, 'GET', '/orders/12345', undefined, { 'X-Order-Token': accessToken });
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.orderId']);
  });

  it('needs the link: none is 401, and a staff token is no link (403), even for its own cooperative', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order } = await placedOrder();
    const none = await send(app, 'GET', `/orders/${order.id}`);
    expect([none.status, none.body.code]).toEqual([401, 'AUTH.UNAUTHENTICATED']);
    const staff = await send(
      app,
      'GET',
      `/orders/${order.id}`,
      undefined,
      await staffOf('karangbesuki', 'pengurus'),
    );
    expect(staff.status).toBe(403);
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

  it('answers 404 for a wrong token, 401 for none, 400 for a tampered body, and changes nothing', async () => {
    const { app, placedOrder, stores } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    expect(
      (await send(app, 'POST', `/orders/${order.id}/cancel`, {}, { 'X-Order-Token': 'B'.repeat(43) })).status,
    ).toBe(404);
    expect((await send(app, 'POST', `/orders/${order.id}/cancel`, {})).status).toBe(401);
    const tampered = await send(
      app,
      'POST',
      `/orders/${order.id}/cancel`,
      { refund: 999 },
      { 'X-Order-Token': accessToken },
    );
    expect([tampered.status, tampered.body.details.issues[0].field]).toEqual([400, 'refund']);
    expect(stores.orders.byId.get(order.id)?.status).toBe('PLACED');
    expect(stores.orders.eventTypes()).toEqual(['pasar.orders.order.placed']);
  });
});
