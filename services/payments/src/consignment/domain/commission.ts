import type { Category } from '@pasar/contracts';

/** Basis points: 10000 = 100 %. */
export const BPS = 10_000;

/** What a cooperative keeps of each line it sells on a seller's behalf. */
export interface CommissionSettings {
  /** The cooperative's rate, in basis points (1000 = 10 %). */
  commissionBps: number;
  /** Rates for some categories instead of the cooperative's rate. */
  categoryBps: Partial<Record<Category, number>>;
}

/** What a cooperative that never set a rate keeps: 10 %, the usual titip jual share (decision 0016). */
export const DEFAULT_SETTINGS: CommissionSettings = { commissionBps: 1000, categoryBps: {} };

/** The rate for a product of this category (unknown category: the cooperative's rate). */
export function rateFor(settings: CommissionSettings, category: Category | null): number {
  return (category ? settings.categoryBps[category] : undefined) ?? settings.commissionBps;
}

/**
 * The commission of one line in whole rupiah: lineTotal × bps / 10000, rounded half up
 * (decision 0016). BigInt, because lineTotal × bps can pass 2^53 for the largest allowed totals.
 */
export function commissionOf(lineTotal: number, bps: number): number {
  const exact = BigInt(lineTotal) * BigInt(bps);
  return Number((exact * 2n + BigInt(BPS)) / BigInt(2 * BPS));
}
