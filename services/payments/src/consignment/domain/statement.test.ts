import { describe, expect, it } from 'vitest';
import { statementCsv } from '../lib/statement-csv';
import { monthName } from '../lib/labels';
import { renderStatementPdf } from '../lib/statement-pdf';
import { type Account, emptyAccount, recordPayout, recordSale, settleOrder } from './account';
import { jakartaDay, jakartaMonth } from './jakarta';
import { salesReport } from './sales-report';
import { statementFor } from './statement';

const line = (productId: string, lineTotal: number, quantity = 1) => ({
  line: 0,
  productId,
  name: productId === 'k' ? 'Keripik; "pedas"' : '=SUM(A1)',
  quantity,
  lineTotal,
  commissionBps: 1000,
  commission: lineTotal / 10,
});

function history(): Account {
  let a = emptyAccount('karangbesuki', 'mbr_kb_sri');
  // 31 Oct 23:30 WIB is still October in Jakarta (16:30 UTC).
  a = recordSale(a, {
    orderId: 'o1',
    at: new Date('2026-10-31T16:30:00Z'),
    notaNumber: null,
    lines: [line('k', 10_000)],
  }).account;
  a = settleOrder(a, 'o1', 'KB-1').account;
  // 31 Oct 17:30 UTC is 1 Nov 00:30 WIB: November.
  a = recordSale(a, {
    orderId: 'o2',
    at: new Date('2026-10-31T17:30:00Z'),
    notaNumber: null,
    lines: [line('x', 20_000, 2)],
  }).account;
  a = settleOrder(a, 'o2', 'KB-2').account;
  a = recordPayout(a, {
    payoutId: 'p1',
    amount: 5_000,
    method: 'cash',
    receiptNumber: 'KW-9',
    note: '',
    recordedBy: 'b',
    at: new Date('2026-11-15T03:00:00Z'),
  }).account;
  return a;
}

describe('Jakarta dates', () => {
  it.each([
    ['2026-10-31T16:59:59Z', '2026-10-31'],
    ['2026-10-31T17:00:00Z', '2026-11-01'],
  ])('%s is %s in Jakarta', (at, day) => {
    expect(jakartaDay(new Date(at))).toBe(day);
  });
  it.each([
    ['2026-11', '2026-10-31T17:00:00.000Z', '2026-11-30T17:00:00.000Z'],
    ['2026-12', '2026-11-30T17:00:00.000Z', '2026-12-31T17:00:00.000Z'],
  ])('%s runs from %s to %s', (month, from, to) => {
    const r = jakartaMonth(month);
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual([from, to]);
  });
});

describe('statementFor', () => {
  it.each([
    ['2026-09', 0, [], 0],
    ['2026-10', 0, [10_000, -1_000], 9_000],
    ['2026-11', 9_000, [20_000, -2_000, -5_000], 22_000],
    ['2026-12', 22_000, [], 22_000],
  ])('%s opens at %i, has %j, closes at %i', (month, opening, amounts, closing) => {
    const s = statementFor(history(), month);
    expect(s.openingBalance).toBe(opening);
    expect(s.lines.map((l) => l.amount)).toEqual(amounts);
    expect(s.closingBalance).toBe(closing);
  });

  it('each line carries its Jakarta date, nota number, product and running balance', () => {
    expect(statementFor(history(), '2026-11').lines).toEqual([
      expect.objectContaining({
        date: '2026-11-01',
        kind: 'sale',
        notaNumber: 'KB-2',
        product: '=SUM(A1)',
        quantity: 2,
        amount: 20_000,
        balance: 29_000,
      }),
      expect.objectContaining({ date: '2026-11-01', kind: 'commission', amount: -2_000, balance: 27_000 }),
      expect.objectContaining({
        date: '2026-11-15',
        kind: 'payout',
        receiptNumber: 'KW-9',
        amount: -5_000,
        balance: 22_000,
      }),
    ]);
  });
});

describe('the statement as a file', () => {
  it('CSV: a BOM, ";" between cells, Bahasa Indonesia headings, quoted text, formulas defused', () => {
    const csv = statementCsv(statementFor(history(), '2026-10'), 'Keripik Bu Sri');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Rekening titip jual;Keripik Bu Sri',
      'Bulan;2026-10',
      'Saldo awal;0',
      '',
      'Tanggal;Jenis;Nomor nota;Produk;Jumlah barang;Nomor kuitansi;Nilai (Rp);Saldo (Rp)',
      '2026-10-31;Penjualan;KB-1;"Keripik; ""pedas""";1;;10000;10000',
      '2026-10-31;Komisi koperasi;KB-1;"Keripik; ""pedas""";1;;-1000;9000',
      '',
      'Saldo akhir;9000',
      '',
    ]);
    expect(statementCsv(statementFor(history(), '2026-11'), 'x')).toContain(";'=SUM(A1);");
  });

  it.each([
    ['2026-01', 'Januari 2026'],
    ['2026-12', 'Desember 2026'],
  ])('names %s "%s" in the PDF heading', (month, name) => {
    expect(monthName(month)).toBe(name);
  });

  it('PDF: a real PDF document', async () => {
    const pdf = await renderStatementPdf(statementFor(history(), '2026-11'), {
      cooperativeName: 'Koperasi karangbesuki',
      shopName: 'Keripik Bu Sri',
      sellerId: 'mbr_kb_sri',
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

describe('salesReport', () => {
  it('per product and per Jakarta day, with nota numbers; refunded sales left out', () => {
    const r = salesReport(history(), '2026-10-01', '2026-11-30');
    expect(r).toMatchObject({ quantity: 3, amount: 30_000 });
    expect(r.days.map((d) => [d.date, d.quantity, d.amount, d.products.map((p) => p.notaNumbers)])).toEqual([
      ['2026-10-31', 1, 10_000, [['KB-1']]],
      ['2026-11-01', 2, 20_000, [['KB-2']]],
    ]);
    expect(salesReport(history(), '2026-11-01', '2026-11-01').amount).toBe(20_000);
  });
});
