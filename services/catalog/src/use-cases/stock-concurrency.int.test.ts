import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrderId, orderCancelled, orderConfirmed, orderLine, orderPlaced } from '../../test/builders';
import { stockTestEnv } from '../../test/stock-env';
import type { Product } from '../domain/product';
import { commitStock } from './commit-stock';
import { releaseStock } from './release-stock';
import { reserveStock } from './reserve-stock';

/** Many orders at once on the real FerretDB: no oversell, nothing below zero, units conserved. */
describe('stock under concurrency', () => {
  let env: Awaited<ReturnType<typeof stockTestEnv>>;
  beforeAll(async () => {
    env = await stockTestEnv('catalog_concurrency');
  });
  afterAll(() => env.drop());
  const total = (s: { available: number; reserved: number; sold: number }) =>
    s.available + s.reserved + s.sold;

  it('50 concurrent one-unit orders for 10 units: exactly 10 reserved, never below zero', async () => {
    const a: Product = await env.product({ stock: 10 });
    const orders = Array.from({ length: 50 }, () => newOrderId());

    const outcomes = await Promise.all(
      orders.map((o) => reserveStock(env.deps, orderPlaced(o, [orderLine(a, 1)]))),
    );

    expect(outcomes.filter((o) => o.status === 'RESERVED')).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'REJECTED')).toHaveLength(40);
    expect(await env.stockOf(a)).toEqual({ available: 0, reserved: 10, sold: 0 });
  });

  it('conserves available + reserved + sold through a mix of concurrent orders, commits and releases', async () => {
    const [a, b] = [await env.product({ stock: 7 }), await env.product({ stock: 4 })];
    const orders = Array.from({ length: 20 }, (_, i) => ({
      id: newOrderId(),
      lines: i % 2 ? [orderLine(a, 1), orderLine(b, 1)] : [orderLine(b, 1), orderLine(a, 2)],
    }));

    await Promise.all(orders.map((o) => reserveStock(env.deps, orderPlaced(o.id, o.lines))));
    await Promise.all(
      orders.map((o, i) =>
        i % 3 === 0
          ? commitStock(env.deps, orderConfirmed(o.id, o.lines))
          : releaseStock(env.deps, orderCancelled(o.id, o.lines), 'cancelled'),
      ),
    );

    for (const [p, units] of [
      [a, 7],
      [b, 4],
    ] as const) {
      const s = await env.stockOf(p);
      expect(total(s)).toBe(units);
      expect(Math.min(s.available, s.reserved, s.sold)).toBeGreaterThanOrEqual(0);
      expect(s.reserved).toBe(0); // every order was either committed or released
    }
  });
});
