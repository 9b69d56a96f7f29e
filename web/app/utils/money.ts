/** The one rupiah formatter: whole rupiah, id-ID grouping ("Rp 15.000" with a non-breaking space). */
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

export function formatRupiah(amount: number): string {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`rupiah must be a whole number, got ${amount}`);
  return rupiah.format(amount);
}
