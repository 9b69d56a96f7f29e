import type { Statement } from '../domain/statement';
import { KIND_LABEL } from './labels';

/** Excel in an Indonesian locale splits on ';' (the comma is its decimal mark). */
const SEP = ';';

/** Quotes a text cell; one that a spreadsheet would run as a formula gets a leading apostrophe. */
function cell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The month's statement as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the
 * characters right), ';' between cells, CRLF line ends, amounts as plain whole rupiah.
 */
export function statementCsv(s: Statement, shopName: string): string {
  const rows: (string | number | null)[][] = [
    ['Rekening titip jual', shopName],
    ['Bulan', s.month],
    ['Saldo awal', s.openingBalance],
    [],
    [
      'Tanggal',
      'Jenis',
      'Nomor nota',
      'Produk',
      'Jumlah barang',
      'Nomor kuitansi',
      'Nilai (Rp)',
      'Saldo (Rp)',
    ],
    ...s.lines.map((l) => [
      l.date,
      KIND_LABEL[l.kind],
      l.notaNumber,
      l.product,
      l.quantity,
      l.receiptNumber,
      l.amount,
      l.balance,
    ]),
    [],
    ['Saldo akhir', s.closingBalance],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(SEP)).join('\r\n')}\r\n`;
}
