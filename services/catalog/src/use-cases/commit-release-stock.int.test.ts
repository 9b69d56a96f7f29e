import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  newOrderId,
  orderCancelled,
  orderCompleted,
  orderConfirmed,
  orderExpired,
  orderLine,
  orderPlaced,
} from '../../test/builders';
import { stockTestEnv } from '../../test/stock-env';
import { commitStock } from './commit-stock';
import { completeStock } from './complete-stock';
import { releaseStock } from './release-stock';
import { reserveStock } from './reserve-stock';

/** OrderConfirmed / OrderCancelled / OrderExpired: commit and its undo, every step guarded. */
describe('commit and release stock', () => {
  let env: Awaited<ReturnType<typeof stockTestEnv>>;
  beforeAll(async () => {
    env = await stockTestEnv('catalog_commit');
  });
  afterAll(() => env.drop());

  it('commits held units as sold on confirmation, once', async () => {
    const a = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const lines = [orderLine(a, 3)];
    await reserveStock(env.deps, orderPlaced(orderId, lines));

    expect(await commitStock(env.deps, orderConfirmed(orderId, lines))).toEqual({
      applied: true,
      status: 'COMMITTED',
    });
    expect(await commitStock(env.deps, orderConfirmed(orderId, lines))).toEqual({
      applied: false,
      status: 'COMMITTED',
    });
    expect(await env.stockOf(a)).toEqual({ available: 7, reserved: 0, sold: 3 });
    expect(await env.eventsOf(orderId)).toEqual(['reserved', 'committed']);
  });

  it('ignores a confirmation for an order it never reserved or rejected', async () => {
    const a = await env.product({ stock: 1 });
    const rejected = newOrderId();
    await reserveStock(env.deps, orderPlaced(rejected, [orderLine(a, 2)]));

    expect(await commitStock(env.deps, orderConfirmed(rejected, [orderLine(a, 2)]))).toEqual({
      applied: false,
      status: 'REJECTED',
    });
    expect(await commitStock(env.deps, orderConfirmed(newOrderId(), [orderLine(a, 1)]))).toEqual({
      applied: false,
      status: 'MISSING',
    });
    expect(await env.stockOf(a)).toEqual({ available: 1, reserved: 0, sold: 0 });
  });

  it('releases held units when an unconfirmed order expires', async () => {
    const a = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const lines = [orderLine(a, 4)];
    await reserveStock(env.deps, orderPlaced(orderId, lines));

    expect(await releaseStock(env.deps, orderExpired(orderId, lines), 'expired')).toEqual({
      applied: true,
      status: 'RELEASED',
    });
    expect(await env.stockOf(a)).toEqual({ available: 10, reserved: 0, sold: 0 });
    expect((await env.outboxOf(orderId))[1]?.envelope.data).toMatchObject({
      reason: 'expired',
      lines: [{ productId: a.id, quantity: 4 }],
    });
  });

  it('releases sold units when a confirmed order is cancelled, once', async () => {
    const a = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const lines = [orderLine(a, 4)];
    await reserveStock(env.deps, orderPlaced(orderId, lines));
    await commitStock(env.deps, orderConfirmed(orderId, lines));

    await releaseStock(env.deps, orderCancelled(orderId, lines), 'cancelled');
    const again = await releaseStock(env.deps, orderCancelled(orderId, lines), 'cancelled');
    const lateConfirm = await commitStock(env.deps, orderConfirmed(orderId, lines));

    expect(again.applied).toBe(false);
    expect(lateConfirm.applied).toBe(false);
    expect(await env.stockOf(a)).toEqual({ available: 10, reserved: 0, sold: 0 });
    expect(await env.eventsOf(orderId)).toEqual(['reserved', 'committed', 'released']);
  });

  it('releases nothing for a rejected order', async () => {
    const a = await env.product({ stock: 1 });
    const orderId = newOrderId();
    await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 2)]));
    expect((await releaseStock(env.deps, orderCancelled(orderId, []), 'cancelled')).applied).toBe(false);
    expect(await env.stockOf(a)).toEqual({ available: 1, reserved: 0, sold: 0 });
  });

  it('gives back holds of a placement that never got decided when the order expires', async () => {
    const a = await env.product({ stock: 5 });
    const orderId = newOrderId();
    await env.deps.stock.hold(a.id, orderId, 2); // placement crashed, then went to the dead-letter topic

    await releaseStock(env.deps, orderExpired(orderId, [orderLine(a, 2)]), 'expired');

    expect(await env.stockOf(a)).toEqual({ available: 5, reserved: 0, sold: 0 });
  });

  it('does not reserve for an order whose cancellation arrived first', async () => {
    const a = await env.product({ stock: 5 });
    const orderId = newOrderId();
    await releaseStock(env.deps, orderCancelled(orderId, []), 'cancelled');

    expect(await reserveStock(env.deps, orderPlaced(orderId, [orderLine(a, 1)]))).toEqual({
      applied: false,
      status: 'RELEASED',
    });
    expect(await env.stockOf(a)).toEqual({ available: 5, reserved: 0, sold: 0 });
  });

  it('forgets the sale markers once the order is completed; a late cancellation then gives nothing back', async () => {
    const a = await env.product({ stock: 10 });
    const b = await env.product({ stock: 10 });
    const orderId = newOrderId();
    const lines = [orderLine(a, 2), orderLine(b, 1)];
    await reserveStock(env.deps, orderPlaced(orderId, lines));
    await commitStock(env.deps, orderConfirmed(orderId, lines));
    const salesOf = async (id: string) =>
      (
        (await env.repos.products.model.findById(id, { sales: 1 }).lean()) as {
          sales?: Record<string, number>;
        }
      ).sales ?? {};
    expect(await salesOf(a.id)).toEqual({ [orderId]: 2 });

    expect(await completeStock(env.deps, orderCompleted(orderId, lines))).toEqual({
      applied: true,
      status: 'COMPLETED',
    });
    expect(await salesOf(a.id)).toEqual({});
    expect(await salesOf(b.id)).toEqual({});
    expect(await completeStock(env.deps, orderCompleted(orderId, lines))).toEqual({
      applied: false,
      status: 'COMPLETED',
    });
    // The reservation's status is the guard now: nothing is released twice or at all.
    expect(await releaseStock(env.deps, orderCancelled(orderId, lines), 'cancelled')).toEqual({
      applied: false,
      status: 'COMPLETED',
    });
    expect(await env.stockOf(a)).toEqual({ available: 8, reserved: 0, sold: 2 });
    expect(await env.eventsOf(orderId)).toEqual(['reserved', 'committed']);
  });

  it('finishes a completion a crash left half done, and ignores completing an unconfirmed order', async () => {
    const a = await env.product({ stock: 5 });
    const b = await env.product({ stock: 5 });
    const orderId = newOrderId();
    const lines = [orderLine(a, 1), orderLine(b, 1)];
    await reserveStock(env.deps, orderPlaced(orderId, lines));
    expect((await completeStock(env.deps, orderCompleted(orderId, lines))).status).toBe('RESERVED');
    await commitStock(env.deps, orderConfirmed(orderId, lines));
    await env.deps.stock.forgetSale(a.id, orderId, 1); // crashed after the first line
    expect((await completeStock(env.deps, orderCompleted(orderId, lines))).applied).toBe(true);
    const doc = await env.repos.products.model.findById(b.id, { sales: 1 }).lean();
    expect((doc as { sales?: object }).sales ?? {}).toEqual({});
  });
});
