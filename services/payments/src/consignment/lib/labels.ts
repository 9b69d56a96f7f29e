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
/** 2026-11 → "November 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1]} ${y}`;
}
