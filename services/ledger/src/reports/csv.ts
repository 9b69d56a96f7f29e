import type { Cell, ReportTable } from './table';

/** A text that a spreadsheet would run as a formula is kept as text (a leading apostrophe, OWASP). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const quote = (s: string) => (/[",\n\r;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
export const field = (c: Cell): string => (typeof c === 'string' ? quote(defuse(c)) : String(c.rupiah));

/**
 * The table as CSV (RFC 4180, UTF-8 with a BOM so spreadsheet programs read the headings right):
 * amounts are plain integer rupiah, ready to sum; a text cell that looks like a formula is defused.
 */
export function toCsv(t: ReportTable): string {
  const rows = [t.columns.map((c) => c.header), ...t.rows, ...t.totals];
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Sections of rows in one CSV (the RAT pack): each its title, header, rows, totals and note, then a blank line. */
export function toSectionsCsv(
  sections: readonly {
    title: string;
    columns: { header: string }[];
    rows: Cell[][];
    totals: Cell[][];
    note?: string;
  }[],
): string {
  const rows: Cell[][] = [];
  for (const s of sections) {
    rows.push(
      [s.title],
      s.columns.map((c) => c.header),
      ...s.rows,
      ...s.totals,
    );
    if (s.note) rows.push([s.note]);
    rows.push([]);
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
