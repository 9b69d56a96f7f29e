import { type FirstDueMonth, jakartaMonth, type WajibRate } from '../wajib-arrears';

/**
 * What the cooperative's bylaws (AD/ART) say about savings: the one-time simpanan pokok, the
 * monthly simpanan wajib (a list of rates, each from a month on: a RAT may raise it), and whether
 * the month of joining is already due.
 */
export interface SavingsSettings {
  pokokAmount: number;
  /** Sorted by `from` (YYYY-MM), no month twice. Months before the first `from` owe no wajib. */
  wajibRates: WajibRate[];
  firstDue: FirstDueMonth;
}

export interface StoredSavingsSettings extends SavingsSettings {
  cooperativeId: string;
  /** 0 while the cooperative never set its own (the defaults apply). */
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/**
 * Until a cooperative sets its own: Rp 100.000 pokok and Rp 10.000 wajib a month, the month of
 * joining due — the figures most KMP bylaws start from. `GET` says `isDefault: true` then.
 */
export const DEFAULT_SAVINGS_SETTINGS: SavingsSettings = {
  pokokAmount: 100_000,
  wajibRates: [{ from: '2000-01', amount: 10_000 }],
  firstDue: 'joining_month',
};

export function defaultSettings(cooperativeId: string): StoredSavingsSettings {
  return {
    cooperativeId,
    ...structuredClone(DEFAULT_SAVINGS_SETTINGS),
    version: 0,
    updatedAt: null,
    updatedBy: null,
  };
}

/** The rates in month order; null when a month is named twice (the caller refuses it). */
export function sortedRates(rates: readonly WajibRate[]): WajibRate[] | null {
  const sorted = [...rates].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.from === sorted[i - 1]!.from) return null;
  return sorted.map((r) => ({ from: r.from, amount: r.amount }));
}

/** The wajib rate of the month of `at` (0 before the first rate's month). */
export function wajibRateAt(settings: SavingsSettings, at: Date): number {
  const month = jakartaMonth(at);
  let amount = 0;
  for (const r of settings.wajibRates) if (r.from <= month) amount = r.amount;
  return amount;
}
