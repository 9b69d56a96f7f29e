import { hashNik } from '@pasar/service-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterIdOf, limitWindow } from '../domain/buyer-limit';
import { mongoDeps } from '../test/mongo-deps';
import type { CounterClaim } from '../use-cases/ports';

let t: Awaited<ReturnType<typeof mongoDeps>>;
beforeAll(async () => {
  t = await mongoDeps();
});
afterAll(() => t.drop());

let n = 0;
/** A fresh counter (its own product) for LPG limited to `limit` per week; claims by order id. */
function counter(limit = 2) {
  n += 1;
  const window = limitWindow('week', new Date('2026-12-02T03:00:00Z'));
  const nikHash = hashNik('3573011203900004', 'int-test-salt-0123456789');
  const productId = `lpg${n}`;
  const counterId = counterIdOf('karangbesuki', productId, nikHash, window);
  const claim = (orderId: string, quantity = 1): CounterClaim => ({
    counterId,
    orderId,
    quantity,
    limit,
    labels: {
      cooperativeId: 'karangbesuki',
      productId,
      nikHash,
      windowStart: window.start,
      resetsAt: window.resetsAt,
    },
  });
  return { counterId, claim };
}

describe('buyer-limit counters on the real engine', () => {
  it('lets exactly 2 of 20 concurrent one-unit claims through for a limit of 2', async () => {
    const c = counter(2);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.stores.buyerLimits.claim(c.claim(`ord_race${i}`))),
    );
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(2);
    expect(outcomes.filter((o) => !o.claimed).every((o) => !o.claimed && o.used === 2)).toBe(true);
    expect(await t.stores.buyerLimits.used(c.counterId)).toBe(2);
    const doc = await t.stores.collections.buyerLimits.findOne({ _id: c.counterId });
    expect(Object.values(doc?.claims ?? {})).toEqual([1, 1]);
  });

  it('never passes the limit with mixed quantities racing (limit 3, orders of 1 and 2 units)', async () => {
    const c = counter(3);
    const quantities = [2, 2, 1, 2, 1];
    const outcomes = await Promise.all(
      quantities.map((q, i) => t.stores.buyerLimits.claim(c.claim(`ord_mix${i}`, q))),
    );
    const taken = quantities.filter((_, i) => outcomes[i]?.claimed).reduce((a, q) => a + q, 0);
    expect(taken).toBeLessThanOrEqual(3);
    expect(taken).toBeGreaterThanOrEqual(2); // something always wins
    expect(await t.stores.buyerLimits.used(c.counterId)).toBe(taken);
  });

  it('claims once per order: the same order claiming again (even concurrently) takes nothing more', async () => {
    const c = counter(2);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => t.stores.buyerLimits.claim(c.claim('ord_same'))),
    );
    expect(outcomes.every((o) => o.claimed)).toBe(true);
    expect(await t.stores.buyerLimits.used(c.counterId)).toBe(1);
  });

  it('gives back once: a second release of the same order moves nothing', async () => {
    const c = counter(2);
    await t.stores.buyerLimits.claim(c.claim('ord_x'));
    await t.stores.buyerLimits.claim(c.claim('ord_y'));
    expect((await t.stores.buyerLimits.claim(c.claim('ord_z'))).claimed).toBe(false);
    const releases = await Promise.all([
      t.stores.buyerLimits.release(c.counterId, 'ord_x', 1),
      t.stores.buyerLimits.release(c.counterId, 'ord_x', 1),
    ]);
    expect(releases.filter(Boolean)).toHaveLength(1);
    expect(await t.stores.buyerLimits.release(c.counterId, 'ord_never', 1)).toBe(false);
    expect(await t.stores.buyerLimits.used(c.counterId)).toBe(1);
    expect((await t.stores.buyerLimits.claim(c.claim('ord_z'))).claimed).toBe(true);
  });
});
