import { describe, expect, it } from 'vitest';
import { adjustmentProblem } from './stock-adjustment';

const stock = { available: 5, reserved: 3, sold: 10 };

describe('stock adjustment rules', () => {
  it.each([
    // quantity, reason, code (null = allowed)
    [10, 'received', null],
    [-1, 'received', 'STOCK.ADJUSTMENT_SIGN'],
    [-2, 'damaged', null],
    [2, 'damaged', 'STOCK.ADJUSTMENT_SIGN'],
    [4, 'correction', null],
    [-5, 'correction', null], // down to 0 on hand and free; the 3 held stay
    [-6, 'correction', 'STOCK.BELOW_RESERVED'], // would take units held for orders
    [-6, 'damaged', 'STOCK.BELOW_RESERVED'],
    [0, 'correction', 'STOCK.ADJUSTMENT_ZERO'],
    [1.5, 'received', 'STOCK.ADJUSTMENT_ZERO'],
  ] as const)('%i as %s: %s', (quantity, reason, code) => {
    const problem = adjustmentProblem({ quantity, reason }, stock);
    if (code === null) expect(problem).toBeNull();
    else expect(problem).toMatchObject({ code, details: expect.objectContaining({ field: 'quantity' }) });
  });

  it('answers taking held units with 409 and the counts', () => {
    expect(adjustmentProblem({ quantity: -6, reason: 'damaged' }, stock)).toMatchObject({
      status: 409,
      details: { available: 5, reserved: 3 },
    });
  });
});
