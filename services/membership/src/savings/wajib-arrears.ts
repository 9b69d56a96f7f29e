/**
 * Arrears (tunggakan) of simpanan wajib: the months due since a member joined, less what they
 * paid. Payments fill months oldest first, so a member who pays three months at once, or a year
 * in advance, is covered month by month; a payment short of a month is carried as a partial one.
 * Months are Jakarta calendar months (`YYYY-MM`). The bylaws say whether the month of joining is
 * already due (`joining_month`, the common rule) or the first due month is the next one.
 */
export type FirstDueMonth = 'joining_month' | 'month_after_joining';

/** The wajib amount per month from a month on (bylaws may raise it at a RAT); sorted by `from`. */
export interface WajibRate {
  from: string;
  amount: number;
}

export interface ArrearsInput {
  /** When the member joined (instant). */
  joinedAt: Date;
  asOf: Date;
  rates: readonly WajibRate[];
  firstDue: FirstDueMonth;
  /** Every wajib payment's amount (rupiah); order does not matter, they add up. */
  payments: readonly number[];
}

export interface Arrears {
  /** Months due from the first due month through the month of `asOf`. */
  monthsDue: number;
  amountDue: number;
  paid: number;
  /** What is owed now (0 when paid up or ahead). */
  arrearsAmount: number;
  /** Due months not fully paid. */
  monthsInArrears: number;
  /** Months after `asOf`'s month already paid for. */
  monthsInAdvance: number;
  /** The last month fully paid, or null. */
  paidThrough: string | null;
  /** Rupiah paid toward the first month not fully covered. */
  partial: number;
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

export function jakartaMonth(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Months from `a` to `b` (b − a); 0 when equal, negative when b is before a. */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}

export function rateFor(month: string, rates: readonly WajibRate[]): number {
  let amount: number | undefined;
  for (const r of rates) if (r.from <= month) amount = r.amount;
  if (amount === undefined) throw new Error(`no simpanan wajib rate for ${month}`);
  return amount;
}

export function wajibArrears(input: ArrearsInput): Arrears {
  const joined = jakartaMonth(input.joinedAt);
  const first = input.firstDue === 'joining_month' ? joined : addMonths(joined, 1);
  const current = jakartaMonth(input.asOf);
  const monthsDue = Math.max(0, monthsBetween(first, current) + 1);
  let amountDue = 0;
  for (let i = 0; i < monthsDue; i++) amountDue += rateFor(addMonths(first, i), input.rates);
  const paid = input.payments.reduce((s, p) => s + p, 0);

  // Fill months oldest first with what was paid, past the current month too (advance payments).
  let left = paid;
  let covered = 0;
  for (;;) {
    const due = rateFor(addMonths(first, covered), input.rates);
    if (due <= 0 || left < due) break;
    left -= due;
    covered++;
  }
  return {
    monthsDue,
    amountDue,
    paid,
    arrearsAmount: Math.max(0, amountDue - paid),
    monthsInArrears: Math.max(0, monthsDue - covered),
    monthsInAdvance: Math.max(0, covered - monthsDue),
    paidThrough: covered > 0 ? addMonths(first, covered - 1) : null,
    partial: left,
  };
}
