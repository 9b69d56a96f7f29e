import type { Cell, ReportTable } from './table';

/** A text that a spreadsheet would run as a formula is kept as text (a leading apostrophe, OWASP). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
const field = (c: Cell): string => (typeof c === 'string' ? quote(defuse(c)) : String(c.rupiah));

/**
 * The table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the headings right):
 * amounts are plain integer rupiah, ready to sum; a text cell that looks like a formula is defused.
 */
export function toCsv(t: ReportTable): string {
  const rows = [t.columns.map((c) => c.header), ...t.rows, ...t.totals];
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
