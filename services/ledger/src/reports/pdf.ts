import PDFDocument from 'pdfkit';
import type { Cell, ReportTable } from './table';

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
/** `Rp 1.234.567` (id-ID writes a no-break space after Rp; a plain space reads the same in print). */
export const formatRupiah = (n: number) => rupiah.format(n).replace(/\u00a0/g, ' ');

const MARGIN = 40;
const text = (c: Cell) => (typeof c === 'string' ? c : formatRupiah(c.rupiah));

/** The table on A4 pages: title, cooperative and period, headed columns, amounts right-aligned, totals in bold. */
export function toPdf(t: ReportTable): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t.title} — ${t.subtitle}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const xs: number[] = [];
  let x = MARGIN;
  for (const c of t.columns) {
    xs.push(x);
    x += c.width * width;
  }
  const row = (cells: Cell[], bold = false) => {
    const font = bold ? 'Helvetica-Bold' : 'Helvetica';
    doc.font(font).fontSize(8);
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
  doc.font('Helvetica-Bold').fontSize(14).text(t.title, MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(9).text(t.subtitle, { width });
  doc.moveDown(0.8);
  row(
    t.columns.map((c) => c.header),
    true,
  );
  rule();
  for (const r of t.rows) row(r);
  rule();
  for (const r of t.totals) row(r, true);
  if (t.note) {
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(8).text(t.note, MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}
