import { createHash } from 'node:crypto';

/** Midtrans writes amounts as strings with two decimals: 15000 → "15000.00". */
export function amountString(rupiah: number): string {
  return `${rupiah}.00`;
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Midtrans times are Jakarta wall-clock time (WIB, UTC+7) as "YYYY-MM-DD HH:mm:ss". */
export function midtransTime(at: Date): string {
  return new Date(at.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The documented notification/status signature: hex SHA-512 of order_id + status_code + gross_amount + server key. */
export function signatureKey(
  orderId: string,
  statusCode: string,
  grossAmount: string,
  serverKey: string,
): string {
  return createHash('sha512')
    .update(orderId + statusCode + grossAmount + serverKey)
    .digest('hex');
}
