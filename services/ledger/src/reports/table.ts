import type {
  BalanceSheetReport,
  GeneralLedgerReport,
  IncomeStatementReport,
  JournalReport,
  TrialBalanceReport,
} from '../use-cases/build-reports';

/** A money cell: rendered as `Rp 1.234.567` in the PDF and as the plain integer in CSV. */
export interface Money {
  rupiah: number;
}
export type Cell = string | Money;
export interface Column {
  header: string;
  /** Share of the page width. */
  width: number;
  money?: boolean;
}
/** One report as a table: what the CSV and the PDF both print, Bahasa Indonesia headings. */
export interface ReportTable {
  title: string;
  subtitle: string;
  fileName: string;
  columns: Column[];
  rows: Cell[][];
  /** Printed bold after a rule (totals). */
  totals: Cell[][];
  note?: string;
}

const rp = (rupiah: number): Money => ({ rupiah });
const monthYear = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `2026-01` → "Januari 2026". */
export function periodName(p: string): string {
  return monthYear.format(new Date(`${p}-01T00:00:00Z`));
}
const span = (r: { from: string; to: string }) =>
  r.from === r.to ? periodName(r.from) : `${periodName(r.from)} – ${periodName(r.to)}`;
const head = (cooperativeId: string, what: string) => `Koperasi ${cooperativeId} · ${what}`;
const file = (kind: string, r: { cooperativeId: string; from: string; to: string }) =>
  `${kind}-${r.cooperativeId}-${r.from}${r.to === r.from ? '' : `_${r.to}`}`;
const amountCols = (a = 'Debit', b = 'Kredit'): Column[] => [
  { header: a, width: 0.15, money: true },
  { header: b, width: 0.15, money: true },
];

export function journalTable(r: JournalReport): ReportTable {
  const rows: Cell[][] = [];
  for (const e of r.entries) {
    const note = [e.reverses ? `membalik ${e.reverses}` : '', e.lateFor ? `terlambat untuk ${e.lateFor}` : '']
      .filter(Boolean)
      .join('; ');
    rows.push([e.occurredAt.slice(0, 10), e.entryId, `${e.memo}${note ? ` (${note})` : ''}`, '', '']);
    for (const l of e.lines)
      rows.push([
        '',
        l.account,
        `${l.credit > 0 ? '    ' : ''}${l.accountName}`,
        l.debit ? rp(l.debit) : '',
        l.credit ? rp(l.credit) : '',
      ]);
  }
  return {
    title: 'Jurnal Umum',
    subtitle: head(r.cooperativeId, span(r)),
    fileName: file('jurnal-umum', r),
    columns: [
      { header: 'Tanggal', width: 0.12 },
      { header: 'No. jurnal / akun', width: 0.2 },
      { header: 'Keterangan', width: 0.38 },
      ...amountCols(),
    ],
    rows,
    totals: [['', '', 'Jumlah', rp(r.totalDebit), rp(r.totalCredit)]],
  };
}

export function generalLedgerTable(r: GeneralLedgerReport): ReportTable {
  return {
    title: `Buku Besar ${r.account.code} ${r.account.name}`,
    subtitle: head(r.cooperativeId, span(r)),
    fileName: file(`buku-besar-${r.account.code}`, r),
    columns: [
      { header: 'Tanggal', width: 0.12 },
      { header: 'No. jurnal', width: 0.18 },
      { header: 'Keterangan', width: 0.25 },
      ...amountCols(),
      { header: 'Saldo', width: 0.15, money: true },
    ],
    rows: [
      ['', '', 'Saldo awal', '', '', rp(r.opening)],
      ...r.rows.map((x): Cell[] => [
        x.occurredAt.slice(0, 10),
        x.entryId,
        x.memo,
        rp(x.debit),
        rp(x.credit),
        rp(x.balance),
      ]),
    ],
    totals: [['', '', 'Saldo akhir', '', '', rp(r.closing)]],
  };
}

export function trialBalanceTable(r: TrialBalanceReport): ReportTable {
  return {
    title: 'Neraca Saldo',
    subtitle: head(r.cooperativeId, `per akhir ${periodName(r.asOf)}`),
    fileName: `neraca-saldo-${r.cooperativeId}-${r.asOf}`,
    columns: [
      { header: 'Kode', width: 0.12 },
      { header: 'Akun', width: 0.43 },
      ...amountCols(),
      { header: 'Saldo', width: 0.15, money: true },
    ],
    rows: r.rows.map((x) => [x.code, x.name, rp(x.debit), rp(x.credit), rp(x.balance)]),
    totals: [['', 'Jumlah', rp(r.totalDebit), rp(r.totalCredit), '']],
  };
}

export function incomeStatementTable(r: IncomeStatementReport): ReportTable {
  const line = (x: { code: string; name: string; balance: number }): Cell[] => [
    x.code,
    x.name,
    rp(x.balance),
  ];
  return {
    title: 'Laporan Laba Rugi (Perhitungan SHU)',
    subtitle: head(r.cooperativeId, span(r)),
    fileName: file('laba-rugi', r),
    columns: [
      { header: 'Kode', width: 0.15 },
      { header: 'Akun', width: 0.6 },
      { header: 'Jumlah', width: 0.25, money: true },
    ],
    rows: [
      ['', 'Pendapatan', ''],
      ...r.pendapatan.map(line),
      ['', 'Jumlah pendapatan', rp(r.totalPendapatan)],
      ['', 'Beban', ''],
      ...r.beban.map(line),
      ['', 'Jumlah beban', rp(r.totalBeban)],
    ],
    totals: [['', 'Sisa hasil usaha (SHU)', rp(r.shu)]],
  };
}

export function balanceSheetTable(r: BalanceSheetReport): ReportTable {
  const line = (x: { code: string; name: string; balance: number }): Cell[] => [
    x.code,
    x.name,
    rp(x.balance),
  ];
  return {
    title: 'Neraca',
    subtitle: head(r.cooperativeId, `per akhir ${periodName(r.asOf)}`),
    fileName: `neraca-${r.cooperativeId}-${r.asOf}`,
    columns: [
      { header: 'Kode', width: 0.15 },
      { header: 'Akun', width: 0.6 },
      { header: 'Jumlah', width: 0.25, money: true },
    ],
    rows: [
      ['', 'Aset', ''],
      ...r.aset.map(line),
      ['', 'Jumlah aset', rp(r.totalAset)],
      ['', 'Kewajiban', ''],
      ...r.kewajiban.map(line),
      ['', 'Jumlah kewajiban', rp(r.totalKewajiban)],
      ['', 'Ekuitas', ''],
      ...r.ekuitas.map(line),
      ['', 'SHU belum ditutup ke ekuitas', rp(r.shuBelumDitutup)],
      ['', 'Jumlah ekuitas', rp(r.totalEkuitas)],
    ],
    totals: [['', 'Jumlah kewajiban dan ekuitas', rp(r.totalKewajiban + r.totalEkuitas)]],
    note: r.balanced ? 'Seimbang: aset = kewajiban + ekuitas.' : 'TIDAK SEIMBANG: periksa jurnal.',
  };
}
