import { z } from 'zod';
import type { FieldErrors } from '~/schemas/form';
import { parseForm } from '~/schemas/form';
import {
  type Account,
  type AggregateReport,
  type BalanceSheetReport,
  type BookPeriod,
  type BookReport,
  type GeneralLedgerReport,
  type IncomeStatementReport,
  type JournalEntry,
  type JournalReport,
  LEDGER_REPORT_PATH,
  type LedgerPeriod,
  ledgerRange,
  type ManualEntry,
  type TrialBalanceReport,
} from './books';
import type { BalancedLine } from './books-lines';
import { answerSchema } from './contract.server';
import { jakartaToday } from './datetime';
import { getEnv } from './env.server';
import { callService, serviceUrl } from './http.server';

/**
 * The ledger service (services/ledger, decision 0017) as the web calls it: every call carries the
 * signed-in person's ledger token; the ledger decides who may (a 403/404 is the staff's 404, a 409 the
 * form's message). Answers are checked against the ledger's OpenAPI document.
 */
const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;

let chart: Promise<Account[]> | undefined;

/** The chart of accounts: the same for every cooperative, so asked once per process. */
export function listAccounts(token: string): Promise<Account[]> {
  if (!chart) {
    chart = callService('ledger', '/accounts', {
      token,
      schema: answerSchema('ledger', 'get', '/accounts'),
    }).then((r) => r.items);
    chart.catch(() => {
      chart = undefined;
    });
  }
  return chart;
}

/** For tests: forget the cached chart. */
export function resetBooksForTests(): void {
  chart = undefined;
}

// ---- manual entries ----

export async function listManualEntries(token: string, cooperativeId: string): Promise<ManualEntry[]> {
  const res = await callService('ledger', `${coopPath(cooperativeId)}/manual-entries`, {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/manual-entries'),
  });
  return res.items;
}

export interface ManualEntryInput {
  memo: string;
  occurredAt: string;
  lines: BalancedLine[];
}

export function proposeManualEntry(token: string, cooperativeId: string, input: ManualEntryInput) {
  return callService('ledger', `${coopPath(cooperativeId)}/manual-entries`, {
    method: 'POST',
    token,
    body: input,
    schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/manual-entries'),
  });
}

const manualPath = (cooperativeId: string, id: string) =>
  `${coopPath(cooperativeId)}/manual-entries/${encodeURIComponent(id)}`;

export function approveManualEntry(token: string, cooperativeId: string, id: string) {
  return callService('ledger', `${manualPath(cooperativeId, id)}/approve`, {
    method: 'POST',
    token,
    schema: answerSchema(
      'ledger',
      'post',
      '/cooperatives/{cooperativeId}/manual-entries/{manualEntryId}/approve',
    ),
  });
}

export function rejectManualEntry(token: string, cooperativeId: string, id: string, reason: string) {
  return callService('ledger', `${manualPath(cooperativeId, id)}/reject`, {
    method: 'POST',
    token,
    body: { reason },
    schema: answerSchema(
      'ledger',
      'post',
      '/cooperatives/{cooperativeId}/manual-entries/{manualEntryId}/reject',
    ),
  });
}

// ---- the journal ----

const entryPath = (cooperativeId: string, entryId: string) =>
  `${coopPath(cooperativeId)}/journal/${encodeURIComponent(entryId)}`;

export function getJournalEntry(
  token: string,
  cooperativeId: string,
  entryId: string,
): Promise<JournalEntry> {
  return callService('ledger', entryPath(cooperativeId, entryId), {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/journal/{entryId}'),
  });
}

export function reverseJournalEntry(token: string, cooperativeId: string, entryId: string, memo: string) {
  return callService('ledger', `${entryPath(cooperativeId, entryId)}/reverse`, {
    method: 'POST',
    token,
    body: { memo },
    schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/journal/{entryId}/reverse'),
  });
}

/** The id of an entry's reversing entry (services/ledger/src/use-cases/reverse-entry.ts). */
export const reversalIdOf = (entryId: string) => `je_reversal-of-${entryId}`;

// ---- periods ----

export async function listPeriods(token: string, cooperativeId: string): Promise<LedgerPeriod[]> {
  const res = await callService('ledger', `${coopPath(cooperativeId)}/periods`, {
    token,
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/periods'),
  });
  return res.items;
}

/** Closes a month (YYYY-MM) or a year (YYYY); the ledger refuses one that has not ended (409). */
export async function closePeriod(token: string, cooperativeId: string, period: string) {
  const res = await callService(
    'ledger',
    `${coopPath(cooperativeId)}/periods/${encodeURIComponent(period)}/close`,
    {
      method: 'POST',
      token,
      schema: answerSchema('ledger', 'post', '/cooperatives/{cooperativeId}/periods/{period}/close'),
    },
  );
  return res.items;
}

// ---- reports ----

const reportPath = (cooperativeId: string, report: BookReport, account?: string) =>
  `${coopPath(cooperativeId)}/reports/${LEDGER_REPORT_PATH[report]}${
    report === 'buku-besar' ? `/${encodeURIComponent(account ?? '')}` : ''
  }`;

export function journalReport(token: string, cooperativeId: string, p: BookPeriod): Promise<JournalReport> {
  return callService('ledger', reportPath(cooperativeId, 'jurnal-umum'), {
    token,
    query: ledgerRange(p),
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/reports/journal'),
  });
}

export function generalLedgerReport(
  token: string,
  cooperativeId: string,
  p: BookPeriod,
  account: string,
): Promise<GeneralLedgerReport> {
  return callService('ledger', reportPath(cooperativeId, 'buku-besar', account), {
    token,
    query: ledgerRange(p),
    schema: answerSchema(
      'ledger',
      'get',
      '/cooperatives/{cooperativeId}/reports/general-ledger/{accountCode}',
    ),
  });
}

export function trialBalanceReport(
  token: string,
  cooperativeId: string,
  p: BookPeriod,
): Promise<TrialBalanceReport> {
  return callService('ledger', reportPath(cooperativeId, 'neraca-saldo'), {
    token,
    query: ledgerRange(p),
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/reports/trial-balance'),
  });
}

export function incomeStatementReport(
  token: string,
  cooperativeId: string,
  p: BookPeriod,
): Promise<IncomeStatementReport> {
  return callService('ledger', reportPath(cooperativeId, 'laba-rugi'), {
    token,
    query: ledgerRange(p),
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/reports/income-statement'),
  });
}

export function balanceSheetReport(
  token: string,
  cooperativeId: string,
  p: BookPeriod,
): Promise<BalanceSheetReport> {
  return callService('ledger', reportPath(cooperativeId, 'neraca'), {
    token,
    query: ledgerRange(p),
    schema: answerSchema('ledger', 'get', '/cooperatives/{cooperativeId}/reports/balance-sheet'),
  });
}

/** For dinas: each cooperative's sales, SHU and savings of a year (no entry, no member). */
export function aggregateReport(token: string, year: number): Promise<AggregateReport> {
  return callService('ledger', '/reports/aggregate', {
    token,
    query: { year },
    schema: answerSchema('ledger', 'get', '/reports/aggregate'),
  });
}

/** A report as a file (CSV or PDF) straight from the ledger, for the BFF to pass on. */
export function fetchReportFile(
  token: string,
  cooperativeId: string,
  report: BookReport,
  p: BookPeriod,
  format: 'csv' | 'pdf',
  account?: string,
  signal: AbortSignal = AbortSignal.timeout(Math.max(getEnv().SERVICE_TIMEOUT_MS, 15_000)),
): Promise<Response> {
  const url = serviceUrl('ledger', reportPath(cooperativeId, report, account), { ...ledgerRange(p), format });
  return fetch(url, {
    headers: { Authorization: `Bearer ${token}`, Accept: format === 'csv' ? 'text/csv' : 'application/pdf' },
    signal,
  });
}

// ---- the period of a page: ?tahun=&bulan= ----

const PeriodQuerySchema = z.object({
  tahun: z
    .string({ error: 'books.errors.year' })
    .regex(/^\d{4}$/, 'books.errors.year')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, 'books.errors.year'),
  bulan: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v))
    .refine((v) => v === null || /^(0[1-9]|1[0-2])$/.test(v), 'books.errors.month'),
});

/** This month in WIB: YYYY-MM. */
export const currentPeriod = (now: Date = new Date()) => jakartaToday(now).slice(0, 7);

/**
 * The period a report page shows: `?tahun=&bulan=` (no `bulan`: the whole year), or by default this
 * month or this year (WIB). A malformed one is the picker's error (400) and no report is asked for.
 */
export function periodOf(
  url: URL,
  span: 'month' | 'year',
  now: Date = new Date(),
): { period: BookPeriod; errors: FieldErrors | null } {
  const [year, month] = currentPeriod(now).split('-') as [string, string];
  const fallback: BookPeriod = { year: Number(year), month: span === 'month' ? month : null };
  if (!url.searchParams.has('tahun') && !url.searchParams.has('bulan'))
    return { period: fallback, errors: null };
  const parsed = parseForm(PeriodQuerySchema, url.searchParams);
  if (!parsed.ok) return { period: fallback, errors: parsed.errors };
  return { period: { year: parsed.data.tahun, month: parsed.data.bulan }, errors: null };
}
