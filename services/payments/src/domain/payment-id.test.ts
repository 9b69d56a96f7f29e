import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, paymentIdFor, paymentIdsOf } from './payment-id';

const ROUTE_PATTERN = /^pay_[0-9A-Za-z]{10,40}$/;

describe('payment ids derived from the order', () => {
  it('is the order id without its prefix, x and the attempt', () => {
    expect(paymentIdFor('ord_01HZX3K9Q2W7E5R8T6Y4U2I0PA', 1)).toBe('pay_01HZX3K9Q2W7E5R8T6Y4U2I0PAx1');
    expect(paymentIdFor('ord_01HZX3K9Q2W7E5R8T6Y4U2I0PA', 2)).not.toBe(
      paymentIdFor('ord_01HZX3K9Q2W7E5R8T6Y4U2I0PA', 1),
    );
  });

  it('always matches the routes’ payment id pattern, for the shortest and longest order ids', () => {
    for (const orderId of [`ord_${'A'.repeat(10)}`, `ord_${'z9'.repeat(16)}`])
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++)
        expect(paymentIdFor(orderId, attempt)).toMatch(ROUTE_PATTERN);
  });

  it('does not collide between orders, even when one order id ends like a suffix', () => {
    // Two orders whose ids differ give different payment ids for every attempt, since the order part
    // is copied whole and the suffix has a fixed form (x + one digit).
    const a = paymentIdsOf('ord_ABCDEFGHIJx1');
    const b = paymentIdsOf('ord_ABCDEFGHIJ');
    for (const id of a) expect(b).not.toContain(id);
  });

  it('refuses what is not an order id or an attempt out of range', () => {
    expect(() => paymentIdFor('order-1', 1)).toThrow(/no payment id/);
    expect(() => paymentIdFor('ord_ABCDEFGHIJ', 0)).toThrow(/no payment id/);
    expect(() => paymentIdFor('ord_ABCDEFGHIJ', MAX_ATTEMPTS + 1)).toThrow(/no payment id/);
    expect(paymentIdsOf('order-1')).toEqual([]);
    expect(paymentIdsOf('ord_ABCDEFGHIJ')).toHaveLength(MAX_ATTEMPTS);
  });
});
