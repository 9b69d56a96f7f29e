import PDFDocument from 'pdfkit';
import type { NotaView } from '../domain/nota-view';

/** 80 mm thermal-receipt width, in PDF points (72 per inch). */
const WIDTH = (80 / 25.4) * 72;
const MARGIN = 12;
const INNER = WIDTH - 2 * MARGIN;

const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const formatRupiah = (n: number) => rupiah.format(n);

const METHOD: Record<NotaView['paymentMethod'], string> = {
  cash: 'Tunai',
  qris: 'QRIS',
  gopay: 'GoPay',
  shopeepay: 'ShopeePay',
  bank_transfer: 'Transfer bank (VA)',
  card: 'Kartu',
};

const STATUS: Partial<Record<NotaView['status'], string>> = {
  PLACED: 'Dipesan',
  AWAITING_PAYMENT: 'Menunggu pembayaran',
  CONFIRMED: 'Dikonfirmasi',
  PAID: 'Dibayar',
  PACKED: 'Dikemas',
  READY_FOR_PICKUP: 'Siap diambil',
  OUT_FOR_DELIVERY: 'Sedang diantar',
  COMPLETED: 'Selesai',
  REJECTED: 'Ditolak',
  CANCELLED: 'Dibatalkan',
  EXPIRED: 'Kedaluwarsa',
};

const dateTime = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: '2-digit',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * The nota as an 80 mm receipt (prints on a thermal printer, reads on a phone): Bahasa Indonesia
 * labels with the English in small print, rupiah as id-ID writes them. Helvetica is built into
 * every PDF reader, so nothing is embedded.
 */
export function renderNotaPdf(nota: NotaView): Promise<Buffer> {
  const height = 330 + nota.lines.length * 30 + (nota.cashReceived !== null ? 30 : 0);
  const doc = new PDFDocument({
    size: [WIDTH, height],
    margin: MARGIN,
    info: { Title: `Nota ${nota.notaNumber ?? nota.orderId}`, Author: nota.cooperative.name },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const center = (text: string, size: number, bold = false) =>
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .text(text, MARGIN, undefined, { width: INNER, align: 'center' });
  const rule = () => {
    doc.moveDown(0.3);
    const y = doc.y;
    doc
      .moveTo(MARGIN, y)
      .lineTo(WIDTH - MARGIN, y)
      .lineWidth(0.5)
      .dash(2, { space: 2 })
      .stroke()
      .undash();
    doc.moveDown(0.4);
  };
  /** A label (with its English in small print) on the left, a value on the right. */
  const row = (label: string, english: string, value: string, bold = false) => {
    const y = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .text(label, MARGIN, y, { width: INNER * 0.55 });
    const afterLabel = doc.y;
    doc
      .font('Helvetica')
      .fontSize(5.5)
      .fillColor('#555')
      .text(english, MARGIN, afterLabel, { width: INNER * 0.55 });
    doc.fillColor('black');
    const end = doc.y;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(8)
      .text(value, MARGIN + INNER * 0.45, y, { width: INNER * 0.55, align: 'right' });
    doc.y = Math.max(end, doc.y) + 2;
  };

  center(nota.cooperative.name, 9, true);
  if (nota.cooperative.marketName) center(nota.cooperative.marketName, 8);
  if (nota.cooperative.address) center(nota.cooperative.address, 7);
  rule();
  center('NOTA', 10, true);
  doc.font('Helvetica').fontSize(5.5).fillColor('#555').text('Receipt', { width: INNER, align: 'center' });
  doc.fillColor('black');
  center(nota.notaNumber ?? nota.orderId, 9, true);
  doc.moveDown(0.3);
  row('Tanggal', 'Date', dateTime.format(new Date(nota.placedAt)));
  row('Pembeli', 'Buyer', nota.buyerName);
  row(
    'Pengambilan',
    'Fulfilment',
    nota.fulfilment === 'pickup' ? 'Ambil di gerai (pickup)' : 'Antar (delivery)',
  );
  rule();
  for (const line of nota.lines) {
    doc.font('Helvetica-Bold').fontSize(8).text(line.name, MARGIN, undefined, { width: INNER });
    const het = line.het ? ' (HET)' : '';
    row(
      `${line.quantity} ${line.unit} × ${formatRupiah(line.unitPrice)}${het}`,
      '',
      formatRupiah(line.lineTotal),
    );
  }
  rule();
  row('Subtotal', 'Subtotal', formatRupiah(nota.subtotal));
  row('Ongkos kirim', 'Delivery fee', formatRupiah(nota.deliveryFee));
  row('Total', 'Total', formatRupiah(nota.total), true);
  row('Metode bayar', 'Payment method', METHOD[nota.paymentMethod]);
  if (nota.cashReceived !== null) {
    row('Tunai diterima', 'Cash received', formatRupiah(nota.cashReceived));
    row('Kembalian', 'Change', formatRupiah(nota.change ?? 0));
  }
  row('Status', 'Status', STATUS[nota.status] ?? nota.status);
  rule();
  center('Terima kasih telah berbelanja di koperasi', 7);
  doc.font('Helvetica').fontSize(5.5).fillColor('#555').text('Thank you for shopping at the cooperative', {
    width: INNER,
    align: 'center',
  });
  doc.end();
  return done;
}
