import { describe, expect, it } from 'vitest';
import { stockReserved } from '../test/events';
import { send, shopWithProducts } from '../test/http';
import { readOrderEvents } from '../test/sse';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';

describe('GET /orders/:orderId/events', () => {
  it('sends the order at once and again when it changes', async () => {
    const { app, placedOrder, deps, keripik } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const res = await app.request(`/orders/${order.id}/events?token=${accessToken}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reading = readOrderEvents(res, 2);
    await applyStockReserved(deps, stockReserved(order.id, keripik.productId));
    const [first, second] = await reading;
    expect(first?.status).toBe('PLACED');
    expect(second?.status).toBe('CONFIRMED');
    expect(second?.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  });

  it('answers 404 before streaming for a wrong token, 401 for none, 400 for a malformed id', async () => {
    const { app, placedOrder } = await shopWithProducts();
    const { order, accessToken } = await placedOrder();
    const wrong = await send(app, 'GET', `/orders/${order.id}/events?token=${'C'.repeat(43)}`);
    expect([wrong.status, wrong.body.code]).toEqual([404, 'ORDER.NOT_FOUND']);
    expect((await send(app, 'GET', `/orders/${order.id}/events`)).status).toBe(401);
    const bad = await send(app, 'GET', `/orders/not-an-order/events?token=${accessToken}`);
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.orderId']);
  });
});
