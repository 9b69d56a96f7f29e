import { DomainError } from '@pasar/service-kit';
import type { Stock } from './product';

/**
 * Stock adjustments: units counted in or out by hand, each with a reason (the sales themselves move
 * stock through the stock saga, never through here).
 * - received: goods delivered to the outlet (quantity > 0);
 * - damaged: broken, spoilt or lost (quantity < 0);
 * - correction: a stock count found more or fewer (either sign).
 * Only units on hand and not held for orders (`available`) can be taken away: an adjustment never
 * leaves fewer units than orders hold, nor a negative count.
 */
export const ADJUSTMENT_REASONS = ['received', 'damaged', 'correction'] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export interface StockAdjustment {
  quantity: number;
  reason: AdjustmentReason;
  note: string;
}

const SIGN: Record<AdjustmentReason, 1 | -1 | 0> = { received: 1, damaged: -1, correction: 0 };

/** Why this adjustment may not be made to this stock, or null when it may. */
export function adjustmentProblem(
  a: Pick<StockAdjustment, 'quantity' | 'reason'>,
  stock: Stock,
): DomainError | null {
  const sign = SIGN[a.reason];
  if (!Number.isInteger(a.quantity) || a.quantity === 0)
    return new DomainError('STOCK.ADJUSTMENT_ZERO', 'quantity: must be a whole number other than 0', 422, {
      field: 'quantity',
    });
  if (sign !== 0 && Math.sign(a.quantity) !== sign)
    return new DomainError(
      'STOCK.ADJUSTMENT_SIGN',
      `quantity: a "${a.reason}" adjustment must be ${sign > 0 ? 'positive' : 'negative'}`,
      422,
      { field: 'quantity', reason: a.reason },
    );
  if (stock.available + a.quantity < 0)
    return new DomainError(
      'STOCK.BELOW_RESERVED',
      `Only ${stock.available} units are on hand and not held for orders (${stock.reserved} held): cannot take ${-a.quantity}`,
      409,
      { field: 'quantity', available: stock.available, reserved: stock.reserved },
    );
  return null;
}
