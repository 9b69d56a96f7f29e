import type { CooperativeGrant, CooperativeRole } from '@pasar/contracts';
import type * as ledger from '~/api/ledger';
import { type Lang, localeOf, translate } from './i18n';
import { isBendaharaGrant, SECTION_ROLES } from './staff';

/**
 * The cooperative's books on the web (issue 11, decision 0017): the ledger's answers as the pages read
 * them, the reports and their periods, and the ledger's access rules mirrored so a page offers only what
 * the person may do (the ledger still decides). Types and pure functions only: safe in the browser.
 */
type LedgerSchemas = ledger.components['schemas'];
export type Account = LedgerSchemas['Account'];
export type AccountClass = Account['class'];
export type ManualEntry = LedgerSchemas['ManualEntry'];
export type JournalEntry = LedgerSchemas['JournalEntry'];
export type LedgerPeriod = LedgerSchemas['LedgerPeriod'];
export type JournalReport = LedgerSchemas['JournalReport'];
export type GeneralLedgerReport = LedgerSchemas['GeneralLedgerReport'];
export type TrialBalanceReport = LedgerSchemas['TrialBalanceReport'];
export type IncomeStatementReport = LedgerSchemas['IncomeStatementReport'];
export type BalanceSheetReport = LedgerSchemas['BalanceSheetReport'];
export type AggregateReport = LedgerSchemas['AggregateReport'];
export type BalanceRow = TrialBalanceReport['rows'][number];

// ---- who may do what (services/ledger/src/routes/access.ts) ----

/** Reports, the journal, manual entries and periods: the board and the supervisors read them. */
export const BOOK_READERS: readonly CooperativeRole[] = SECTION_ROLES.buku;
/** A second pengurus (any position) approves or rejects a manual entry; never its proposer. */
export const BOOK_DECIDERS: readonly CooperativeRole[] = ['pengurus'];

/** Proposing manual entries, reversing entries and closing periods: the bendahara only. */
export function mayRecord(grant: Pick<CooperativeGrant, 'roles' | 'position'> | undefined): boolean {
  return isBendaharaGrant(grant);
}

export function mayDecide(grant: Pick<CooperativeGrant, 'roles'> | undefined): boolean {
  return grant?.roles.some((r) => BOOK_DECIDERS.includes(r)) ?? false;
}

// ---- the reports ----

/** The report pages (their URL segment under /kelola/:slug/buku) and the ledger's report path. */
export const BOOK_REPORTS = ['jurnal-umum', 'buku-besar', 'neraca-saldo', 'laba-rugi', 'neraca'] as const;
export type BookReport = (typeof BOOK_REPORTS)[number];

export const LEDGER_REPORT_PATH: Record<BookReport, string> = {
  'jurnal-umum': 'journal',
  'buku-besar': 'general-ledger',
  'neraca-saldo': 'trial-balance',
  'laba-rugi': 'income-statement',
  neraca: 'balance-sheet',
};

export function isBookReport(value: unknown): value is BookReport {
  return typeof value === 'string' && (BOOK_REPORTS as readonly string[]).includes(value);
}

/**
 * What a report shows when no period is chosen: the journal and the ledger list entries, so this
 * month; the statements sum, so the year so far.
 */
export const DEFAULT_SPAN: Record<BookReport, 'month' | 'year'> = {
  'jurnal-umum': 'month',
  'buku-besar': 'month',
  'neraca-saldo': 'year',
  'laba-rugi': 'year',
  neraca: 'year',
};

// ---- periods: a month of a year, or the whole year ----

/** A report's period: a year, or one month of it (`month` "01"…"12"). */
export interface BookPeriod {
  year: number;
  month: string | null;
}

export const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;

/** The ledger's query for a period: `year=` for a year, `from=to=` for a month. */
export function ledgerRange(p: BookPeriod): { year?: number; from?: string; to?: string } {
  if (p.month === null) return { year: p.year };
  const month = `${p.year}-${p.month}`;
  return { from: month, to: month };
}

/** The page's query for a period (`?tahun=2026&bulan=05`; no `bulan` for the year). */
export function periodSearch(p: BookPeriod): Record<string, string> {
  return p.month === null ? { tahun: String(p.year) } : { tahun: String(p.year), bulan: p.month };
}

/** "Mei", "May". */
export function monthName(month: string | number, lang: Lang, width: 'long' | 'short' = 'long'): string {
  const m = Number(month);
  return new Intl.DateTimeFormat(localeOf(lang), { month: width, timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, m - 1, 1)),
  );
}

/** A ledger period `YYYY-MM` in words: "Mei 2026". */
export function periodName(period: string, lang: Lang): string {
  const [year, month] = period.split('-');
  if (!year || !month) return period;
  return `${monthName(month, lang)} ${year}`;
}

/** A report's period in words: "Mei 2026", "Tahun 2026". */
export function periodLabel(p: BookPeriod, lang: Lang): string {
  return p.month === null
    ? translate(lang, 'books.period.yearOf', { year: p.year })
    : periodName(`${p.year}-${p.month}`, lang);
}

/** The years offered in the period picker: the last five and this one, and the chosen one. */
export function yearChoices(currentYear: number, chosen: number): number[] {
  const years = new Set<number>();
  for (let y = currentYear; y >= currentYear - 5; y -= 1) years.add(y);
  years.add(chosen);
  return [...years].sort((a, b) => b - a);
}

// ---- the months of a year and whether each may be closed ----

export interface MonthState {
  /** YYYY-MM */
  period: string;
  status: 'open' | 'closed';
  /** Over (WIB): only a month that has ended may be closed. */
  ended: boolean;
  closedAt: string | null;
  closedBy: string | null;
  /** Entries booked into it (for a closed month: exactly those admitted before the close). */
  admitted: number;
}

/**
 * The twelve months of `year` as the ledger knows them: a month it never heard of is open with
 * nothing booked. `current` is this month (YYYY-MM, WIB).
 */
export function yearMonths(year: number, records: readonly LedgerPeriod[], current: string): MonthState[] {
  const known = new Map(records.map((r) => [r.period, r]));
  return MONTHS.map((m) => {
    const period = `${year}-${m}`;
    const r = known.get(period);
    return {
      period,
      status: r?.status ?? 'open',
      ended: period < current,
      closedAt: r?.closedAt ?? null,
      closedBy: r?.closedBy ?? null,
      admitted: r?.admitted ?? 0,
    };
  });
}

/** A year may be closed at once when December has ended and some month of it is still open. */
export function yearClosable(months: readonly MonthState[]): boolean {
  const last = months[months.length - 1];
  return last?.ended === true && months.some((m) => m.status === 'open');
}

// ---- the monthly figures of the overview ----

/** Sales of the cooperative's own goods (4-1100): the consignment split leaves only the commission. */
export const SALES_ACCOUNT = '4-1100';

export interface MonthFigures {
  period: string;
  income: number;
  expenses: number;
  shu: number;
  sales: number;
}

/** One month's income statement as the overview's row. */
export function monthFigures(period: string, r: IncomeStatementReport): MonthFigures {
  return {
    period,
    income: r.totalPendapatan,
    expenses: r.totalBeban,
    shu: r.shu,
    sales: r.pendapatan.find((row) => row.code === SALES_ACCOUNT)?.balance ?? 0,
  };
}

export function sumFigures(months: readonly MonthFigures[]): Omit<MonthFigures, 'period'> {
  return months.reduce(
    (sum, m) => ({
      income: sum.income + m.income,
      expenses: sum.expenses + m.expenses,
      shu: sum.shu + m.shu,
      sales: sum.sales + m.sales,
    }),
    { income: 0, expenses: 0, shu: 0, sales: 0 },
  );
}

/** An account's name in the reader's language (the chart of accounts has both). */
export function accountName(code: string, accounts: readonly Account[], lang: Lang, fallback = code): string {
  const a = accounts.find((x) => x.code === code);
  if (!a) return fallback;
  return lang === 'en' ? a.nameEn : a.name;
}
