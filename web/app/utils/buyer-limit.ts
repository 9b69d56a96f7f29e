/**
 * Subsidised goods (LPG 3 kg, pupuk bersubsidi…): catalog's product views gain a per-buyer limit and
 * the HET flag; orders refuses an order over the limit with 409 ORDER.BUYER_LIMIT. Client-safe types;
 * the server checks them (catalog.server.ts).
 */
export type LimitPeriod = 'day' | 'week' | 'month';
export interface BuyerLimit {
  quantity: number;
  period: LimitPeriod;
}
export interface ProductLimits {
  buyerLimit?: BuyerLimit | null;
  het?: boolean;
}

/** A NIK (Nomor Induk Kependudukan) is 16 digits; spaces and dots as typed are dropped. */
export function normaliseNik(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}
export const NIK_PATTERN = /^\d{16}$/;
