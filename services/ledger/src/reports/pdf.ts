import PDFDocument from 'pdfkit';
import { bytesOf, drawTable, MARGIN } from './pdf-draw';
import type { ReportTable } from './table';

export { formatRupiah } from './pdf-draw';

/** The table on A4 pages: title, cooperative and period, headed columns, amounts right-aligned, totals in bold. */
export function toPdf(t: ReportTable): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${t.title} — ${t.subtitle}` } });
  const done = bytesOf(doc);
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(14).text(t.title, MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(9).text(t.subtitle, { width });
  doc.moveDown(0.8);
  drawTable(doc, t);
  doc.end();
  return done;
}
