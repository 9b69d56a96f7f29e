import type { PaymentCommand } from './payment';

/** Midtrans' `transaction_status` values (Core API and HTTP notifications). */
export const MIDTRANS_STATUSES = [
  'pending',
  'authorize',
  'capture',
  'settlement',
  'deny',
  'cancel',
  'expire',
  'failure',
  'refund',
  'partial_refund',
  'chargeback',
  'partial_chargeback',
] as const;
export type MidtransStatus = (typeof MIDTRANS_STATUSES)[number];

/** What a verified Midtrans status means for our payment (null: nothing moves yet). */
export type MidtransMeaning = PaymentCommand | 'providerRefunded' | null;

/**
 * The mapping the issue names: settlement, or capture with fraud_status accept → paid; deny,
 * cancel, failure → failed; expire → expired; pending (and a capture still under fraud review)
 * → waiting. A refund the provider reports completes the refund we asked for.
 */
export function meaningOf(status: MidtransStatus, fraudStatus?: string | null): MidtransMeaning {
  switch (status) {
    case 'settlement':
      return 'providerPaid';
    case 'capture':
      return fraudStatus === 'accept' ? 'providerPaid' : fraudStatus === 'deny' ? 'providerFailed' : null;
    case 'deny':
    case 'cancel':
    case 'failure':
      return 'providerFailed';
    case 'expire':
      return 'providerExpired';
    case 'refund':
    case 'partial_refund':
      return 'providerRefunded';
    default:
      return null;
  }
}

/**
 * Midtrans sends amounts as strings with two decimals ("15000.00"). Rupiah are whole: anything
 * else (a fraction, a negative, garbage) is refused rather than rounded.
 */
export function midtransAmountToRupiah(value: string | number): number | null {
  const s = String(value);
  const m = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  if (m[2] && Number(m[2]) !== 0) return null;
  return Number(m[1]);
}
