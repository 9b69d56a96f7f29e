import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrderId, orderLine, orderPlaced } from '../../test/builders';
import { stockTestEnv } from '../../test/stock-env';
import { reserveStock } from './reserve-stock';

/** OrderPlaced against the real FerretDB: all or none, idempotent per order, crash-safe. */
describe('reserve stock', () => {
  let env: Awaited<ReturnType<typeof stockTestEnv>>;
  beforeAll(async () => {
    env = await stockTestEnv('catalog_reserve');
  });
  afterAll(() => env.drop());

  it('reserves every line, moving units from available to reserved, and announces it', async () => {
    const [a, b] = [await env.product({ stock: 5 }), await env.product({ stock: 3 })];
    const orderId = newOrderId();

    const outcome = await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 2), orderLine(b, 3)]));

    expect(outcome).toEqual({ applied: true, status: 'RESERVED' });
    expect(await env.stockOf(a)).toEqual({ available: 3, reserved: 2, sold: 0 });
    expect(await env.stockOf(b)).toEqual({ available: 0, reserved: 3, sold: 0 });
    const [evt] = await env.outboxOf(orderId);
    expect(evt?.envelope).toMatchObject({
      type: 'pasar.catalog.stock.reserved',
      data: {
        orderId,
        lines: [
          { productId: a.id, quantity: 2 },
          { productId: b.id, quantity: 3 },
        ],
      },
    });
  });

  it('holds none when a later line is short, and names that line', async () => {
    const a = await env.product({ stock: 5 });
    const b = await env.product({ stock: 1, name: 'Gula Pasir 1 kg' });
    const orderId = newOrderId();

    const outcome = await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 2), orderLine(b, 2)]));

    expect(outcome.status).toBe('REJECTED');
    expect(await env.stockOf(a)).toEqual({ available: 5, reserved: 0, sold: 0 });
    expect(await env.stockOf(b)).toEqual({ available: 1, reserved: 0, sold: 0 });
    const [evt] = await env.outboxOf(orderId);
    expect(evt?.envelope).toMatchObject({
      type: 'pasar.catalog.stock.rejected',
      data: {
        orderId,
        reason: 'INSUFFICIENT_STOCK',
        productId: b.id,
        productName: 'Gula Pasir 1 kg',
        requested: 2,
        available: 1,
      },
    });
  });

  it('gives back lines already held when a hold fails mid-way (compensation)', async () => {
    const a = await env.product({ stock: 5 });
    const b = await env.product({ stock: 5 });
    const orderId = newOrderId();
    // Another order takes b's units after our pre-check could have seen them: simulate by a direct hold.
    await env.deps.stock.hold(b.id, newOrderId(), 5);

    await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 1), orderLine(b, 1)]));

    expect(await env.stockOf(a)).toEqual({ available: 5, reserved: 0, sold: 0 });
    expect(await env.eventsOf(orderId)).toEqual(['rejected']);
  });

  it('rejects a line over the per-order limit (LPG 3 kg: one per buyer)', async () => {
    const lpg = await env.product({ name: 'LPG 3 kg', maxPerOrder: 1, stock: 50 });
    const orderId = newOrderId();
    await reserveStock(env.deps, orderPlaced(orderId, [orderLine(lpg, 2)]));
    expect((await env.outboxOf(orderId))[0]?.envelope.data).toMatchObject({
      reason: 'LIMIT_EXCEEDED',
      requested: 2,
      available: 1,
    });
    expect(await env.stockOf(lpg)).toEqual({ available: 50, reserved: 0, sold: 0 });
  });

  it.each([
    ['unknown', async () => ({ id: 'ffffffffffffffffffffffff' })],
    ['malformed', async () => ({ id: 'not-an-id' })],
    ['draft', async () => env.product({ status: 'draft' })],
    ['archived', async () => env.product({ status: 'archived' })],
    ['other cooperative', async () => env.product({ cooperativeId: 'dinoyo' })],
  ])('rejects a line for an %s product as unavailable', async (_what, make) => {
    const p = await make();
    const orderId = newOrderId();
    await reserveStock(env.deps, orderPlaced(orderId, [orderLine(p, 1)]));
    expect((await env.outboxOf(orderId))[0]?.envelope.data).toMatchObject({
      reason: 'PRODUCT_UNAVAILABLE',
      productId: p.id,
      available: 0,
    });
  });

  it('reserves once for an order however often its placement arrives', async () => {
    const a = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const placed = orderPlaced(orderId, [orderLine(a, 4)]);

    await reserveStock(env.deps, placed);
    const again = await reserveStock(env.deps, placed);
    const replayed = await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 4)])); // new event id

    expect(again).toEqual({ applied: false, status: 'RESERVED' });
    expect(replayed.applied).toBe(false);
    expect(await env.stockOf(a)).toEqual({ available: 6, reserved: 4, sold: 0 });
    expect(await env.eventsOf(orderId)).toEqual(['reserved']);
  });

  it('reserves once when the same placement is handled twice at the same time', async () => {
    const a = await env.product({ stock: 10 });
    const b = await env.product({ stock: 10 });
    const placed = orderPlaced(newOrderId(), [orderLine(a, 3), orderLine(b, 2)]);

    await Promise.all([reserveStock(env.deps, placed), reserveStock(env.deps, placed)]);

    expect(await env.stockOf(a)).toEqual({ available: 7, reserved: 3, sold: 0 });
    expect(await env.stockOf(b)).toEqual({ available: 8, reserved: 2, sold: 0 });
  });

  it('finishes a reservation that crashed half-way without holding twice', async () => {
    const a = await env.product({ stock: 10 });
    const b = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const placed = orderPlaced(orderId, [orderLine(a, 2), orderLine(b, 2)]);
    // The crashed run held the first line, then the process died before deciding.
    await env.deps.stock.hold(a.id, orderId, 2);

    expect(await reserveStock(env.deps, placed)).toEqual({ applied: true, status: 'RESERVED' });
    expect(await env.stockOf(a)).toEqual({ available: 8, reserved: 2, sold: 0 });
    expect(await env.stockOf(b)).toEqual({ available: 8, reserved: 2, sold: 0 });
  });

  it('gives back holds left by a run that crashed after deciding to reject', async () => {
    const a = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const placed = orderPlaced(orderId, [orderLine(a, 2)]);
    // The crashed run held the line, wrote its rejection, and died before giving the units back.
    await env.deps.stock.hold(a.id, orderId, 2);
    await env.deps.reservations.decide({
      orderId,
      cooperativeId: 'karangbesuki',
      status: 'REJECTED',
      lines: [{ productId: a.id, quantity: 2 }],
      events: [],
    });

    expect(await reserveStock(env.deps, placed)).toEqual({ applied: false, status: 'REJECTED' });
    expect(await env.stockOf(a)).toEqual({ available: 10, reserved: 0, sold: 0 });
  });
});
