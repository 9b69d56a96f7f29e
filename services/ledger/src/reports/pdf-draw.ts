import type PDFDocument from 'pdfkit';
import type { Cell, Column } from './table';

type Doc = InstanceType<typeof PDFDocument>;

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
/** `Rp 1.234.567` (id-ID writes a no-break space after Rp; a plain space reads the same in print). */
export const formatRupiah = (n: number) => rupiah.format(n).replace(/\u00a0/g, ' ');

export const MARGIN = 40;
const text = (c: Cell) => (typeof c === 'string' ? c : formatRupiah(c.rupiah));

/** A table on the page: headed columns, amounts right-aligned, totals in bold after a rule; breaks pages. */
export function drawTable(
  doc: Doc,
  t: { columns: Column[]; rows: Cell[][]; totals: Cell[][]; note?: string },
): void {
  const width = doc.page.width - 2 * MARGIN;
  const xs: number[] = [];
  let x = MARGIN;
  for (const c of t.columns) {
    xs.push(x);
    x += c.width * width;
  }
  const row = (cells: Cell[], bold = false) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const heights = cells.map((c, i) =>
      doc.heightOfString(text(c), { width: (t.columns[i]?.width ?? 0.1) * width - 4 }),
    );
    const h = Math.max(10, ...heights);
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    cells.forEach((c, i) => {
      const col = t.columns[i];
      if (!col) return;
      doc.text(text(c), xs[i] ?? MARGIN, y, {
        width: col.width * width - 4,
        align: col.money ? 'right' : 'left',
      });
    });
    doc.x = MARGIN;
    doc.y = y + h + 2;
  };
  const rule = () => {
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(MARGIN + width, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.y += 3;
  };
  row(
    t.columns.map((c) => c.header),
    true,
  );
  rule();
  for (const r of t.rows) row(r);
  if (t.totals.length > 0) {
    rule();
    for (const r of t.totals) row(r, true);
  }
  if (t.note) {
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(8).text(t.note, MARGIN, doc.y, { width });
  }
}

/** `12,5 jt`, `850 rb`: a bar's label, short enough to sit above it. */
export function shortRupiah(n: number): string {
  const abs = Math.abs(n);
  const fmt = (v: number) => String(Math.round(v * 10) / 10).replace('.', ',');
  if (abs >= 1_000_000_000) return `${fmt(n / 1_000_000_000)} M`;
  if (abs >= 1_000_000) return `${fmt(n / 1_000_000)} jt`;
  if (abs >= 1_000) return `${fmt(n / 1_000)} rb`;
  return String(n);
}

/**
 * A bar chart drawn with pdfkit's own shapes: one bar per item, scaled to the largest, its value
 * above it and its label below; negative values are drawn as empty bars at zero.
 */
export function barChart(
  doc: Doc,
  title: string,
  items: readonly { label: string; value: number }[],
  opts: { height?: number; color?: string } = {},
): void {
  const width = doc.page.width - 2 * MARGIN;
  const height = opts.height ?? 140;
  if (doc.y + height + 50 > doc.page.height - MARGIN) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).text(title, MARGIN, doc.y, { width });
  doc.moveDown(0.3);
  const top = doc.y + 12;
  const base = top + height;
  const max = Math.max(1, ...items.map((i) => i.value));
  const slot = width / Math.max(1, items.length);
  const bar = slot * 0.6;
  doc
    .lineWidth(0.5)
    .moveTo(MARGIN, base)
    .lineTo(MARGIN + width, base)
    .stroke();
  items.forEach((item, i) => {
    const x = MARGIN + i * slot + (slot - bar) / 2;
    const h = item.value > 0 ? (item.value / max) * height : 0;
    if (h > 0)
      doc
        .rect(x, base - h, bar, h)
        .fill(opts.color ?? '#2f6f4f')
        .fillColor('black');
    doc
      .font('Helvetica')
      .fontSize(6)
      .text(shortRupiah(item.value), x - 6, base - h - 9, { width: bar + 12, align: 'center' });
    doc.fontSize(7).text(item.label, x - 6, base + 3, { width: bar + 12, align: 'center' });
  });
  doc.x = MARGIN;
  doc.y = base + 20;
}

/** Collects a pdfkit document's bytes once it ends. */
export function bytesOf(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
