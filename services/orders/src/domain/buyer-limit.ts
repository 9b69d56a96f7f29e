import type { BuyerLimit, BuyerLimitPeriod } from '@pasar/contracts';
import { DomainError } from '@pasar/service-kit';
import { WIB_OFFSET_MS } from './jakarta-time';

export type { BuyerLimit, BuyerLimitPeriod };

export interface LimitWindow {
  /** The instant the period began (00:00 WIB of the day, of Monday, of the 1st). */
  start: Date;
  /** The instant the next period begins: when the buyer may buy again. */
  resetsAt: Date;
}

/** The calendar period (in WIB) holding `at`. */
export function limitWindow(period: BuyerLimitPeriod, at: Date): LimitWindow {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS); // read its UTC fields as WIB wall-clock time
  const y = wib.getUTCFullYear();
  const m = wib.getUTCMonth();
  const d = wib.getUTCDate();
  const fromWib = (year: number, month: number, day: number) =>
    new Date(Date.UTC(year, month, day) - WIB_OFFSET_MS);
  switch (period) {
    case 'day':
      return { start: fromWib(y, m, d), resetsAt: fromWib(y, m, d + 1) };
    case 'week': {
      const sinceMonday = (wib.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      return { start: fromWib(y, m, d - sinceMonday), resetsAt: fromWib(y, m, d - sinceMonday + 7) };
    }
    case 'month':
      return { start: fromWib(y, m, 1), resetsAt: fromWib(y, m + 1, 1) };
  }
}

/**
 * One counter per (cooperative, product, buyer's NIK hash, period start): its `_id`, so concurrent
 * first claims collide on the primary key instead of inserting two counters.
 */
export function counterIdOf(cooperativeId: string, productId: string, nikHash: string, window: LimitWindow) {
  return `${cooperativeId}|${productId}|${nikHash}|${window.start.toISOString()}`;
}

/** Units an order took from a buyer's allowance; kept on the order so its end gives them back. */
export interface BuyerLimitClaim {
  counterId: string;
  productId: string;
  quantity: number;
}

/** What an order remembers of its buyer limits: the NIK's keyed hash (never the NIK) and its claims. */
export interface OrderBuyerLimits {
  nikHash: string;
  claims: BuyerLimitClaim[];
}

const PERIOD_WORD: Record<BuyerLimitPeriod, string> = { day: 'hari', week: 'minggu', month: 'bulan' };
const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** "Senin 7 Desember 2026": the WIB calendar day of an instant, in Bahasa Indonesia. */
export function wibDateText(at: Date): string {
  const wib = new Date(at.getTime() + WIB_OFFSET_MS);
  return `${DAYS[wib.getUTCDay()]} ${wib.getUTCDate()} ${MONTHS[wib.getUTCMonth()]} ${wib.getUTCFullYear()}`;
}

export interface LimitRefusal {
  productId: string;
  productName: string;
  unit: string;
  limit: BuyerLimit;
  window: LimitWindow;
  alreadyBought: number;
}

/** 409 ORDER.BUYER_LIMIT naming the product, the limit and when the buyer may buy again. */
export function buyerLimitExceeded(r: LimitRefusal): DomainError {
  return new DomainError(
    'ORDER.BUYER_LIMIT',
    `${r.productName}: batas ${r.limit.quantity} ${r.unit} per ${PERIOD_WORD[r.limit.period]} per NIK; ` +
      `bisa lagi mulai ${wibDateText(r.window.resetsAt)}`,
    409,
    {
      productId: r.productId,
      limit: r.limit.quantity,
      period: r.limit.period,
      resetsAt: r.window.resetsAt.toISOString(),
      alreadyBought: r.alreadyBought,
    },
  );
}
