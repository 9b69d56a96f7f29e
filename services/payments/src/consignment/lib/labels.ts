import type { EntryKind } from '../domain/account';

/** Bahasa Indonesia names of the statement's line kinds (CSV and PDF). */
export const KIND_LABEL: Record<EntryKind, string> = {
  sale: 'Penjualan',
  commission: 'Komisi koperasi',
  refund: 'Pengembalian dana',
  commission_reversal: 'Komisi dikembalikan',
  payout: 'Pembayaran ke penjual',
};

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
export const formatRupiah = (n: number) => rupiah.format(n);

const monthFormat = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** 2026-11 → "November 2026". */
export function monthName(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
