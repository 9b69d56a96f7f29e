import PDFDocument from 'pdfkit';
import type { Statement } from '../domain/statement';
import { formatRupiah, KIND_LABEL, monthName } from './labels';

const MARGIN = 40;
/** A4 portrait, in PDF points. */
const WIDTH = 595.28;
const INNER = WIDTH - 2 * MARGIN;
/** Column x offsets and widths: date, kind, nota, product, amount, balance. */
const COLS = [
  { x: 0, w: 58 },
  { x: 58, w: 92 },
  { x: 150, w: 90 },
  { x: 240, w: 135 },
  { x: 375, w: 70, right: true },
  { x: 445, w: 70, right: true },
] as const;

export interface StatementHeader {
  cooperativeName: string;
  shopName: string;
  sellerId: string;
}

/**
 * The month's statement as an A4 PDF, Bahasa Indonesia headings as the nota uses them (Helvetica
 * is built into every reader, nothing embedded): opening balance, every line, closing balance.
 */
export function renderStatementPdf(s: Statement, h: StatementHeader): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Rekening titip jual ${h.shopName} ${s.month}`, Author: h.cooperativeName },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const row = (cells: (string | null)[], bold = false) => {
    if (doc.y > doc.page.height - MARGIN - 30) doc.addPage();
    const y = doc.y;
    let bottom = y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    cells.forEach((text, i) => {
      const col = COLS[i]!;
      doc.text(text ?? '', MARGIN + col.x, y, { width: col.w - 4, align: 'right' in col ? 'right' : 'left' });
      bottom = Math.max(bottom, doc.y);
    });
    doc.y = bottom + 3;
  };
  const summary = (label: string, value: number) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: ${formatRupiah(value)}`, MARGIN, doc.y, { width: INNER });
    doc.moveDown(0.4);
  };

  doc.font('Helvetica-Bold').fontSize(14).text('Rekening Titip Jual', MARGIN, MARGIN, { width: INNER });
  doc.font('Helvetica').fontSize(10).text(h.cooperativeName, { width: INNER });
  doc.text(`Penjual: ${h.shopName} (${h.sellerId})`, { width: INNER });
  doc.text(`Periode: ${monthName(s.month)} (WIB)`, { width: INNER });
  doc.moveDown(0.8);
  summary('Saldo awal', s.openingBalance);
  row(['Tanggal', 'Jenis', 'Nomor nota', 'Produk', 'Nilai', 'Saldo'], true);
  if (s.lines.length === 0) row([null, 'Tidak ada transaksi bulan ini']);
  for (const l of s.lines) {
    const product = l.product ? `${l.product}${l.quantity ? ` × ${l.quantity}` : ''}` : l.receiptNumber;
    row([l.date, KIND_LABEL[l.kind], l.notaNumber, product, formatRupiah(l.amount), formatRupiah(l.balance)]);
  }
  doc.moveDown(0.6);
  summary('Saldo akhir', s.closingBalance);
  doc.end();
  return done;
}
