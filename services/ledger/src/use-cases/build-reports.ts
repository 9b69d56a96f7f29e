import { ACCOUNTS } from '../domain/accounts';
import { accountNotFound } from '../domain/errors';
import type { Period } from '../domain/journal';
import { balanceSheet, byTimeThenId, generalLedger, incomeStatement, trialBalance } from '../domain/reports';
import { balanceItems } from './period-balances';
import type { LedgerDeps, StoredEntry } from './ports';

export interface Range {
  from: Period;
  to: Period;
}

const inRange = (r: Range) => (e: StoredEntry) => e.period >= r.from && e.period <= r.to;

/** Jurnal umum: every entry booked in the range, in the order things happened. */
export async function journalReport(deps: LedgerDeps, cooperativeId: string, range: Range) {
  const entries = (await deps.journal.list({ cooperativeId, ...range })).sort(byTimeThenId);
  let debit = 0;
  let credit = 0;
  for (const e of entries)
    for (const l of e.lines) {
      debit += l.debit;
      credit += l.credit;
    }
  return {
    cooperativeId,
    ...range,
    entries: entries.map((e) => ({
      entryId: e.entryId,
      period: e.period,
      occurredAt: e.occurredAt,
      kind: e.kind,
      memo: e.memo,
      sourceId: e.sourceId,
      reverses: e.reverses ?? null,
      lateFor: e.lateFor ?? null,
      lines: e.lines.map((l) => ({ ...l, accountName: ACCOUNTS.get(l.account)?.name ?? l.account })),
    })),
    totalDebit: debit,
    totalCredit: credit,
  };
}

/** Buku besar of one account: the opening balance before `from`, the range's lines, the closing balance. */
export async function generalLedgerReport(
  deps: LedgerDeps,
  cooperativeId: string,
  range: Range,
  code: string,
) {
  if (!ACCOUNTS.has(code)) throw accountNotFound(code);
  const all = await deps.journal.list({ cooperativeId, to: range.to });
  const before = generalLedger(
    all.filter((e) => e.period < range.from),
    code,
  );
  const within = generalLedger(all.filter(inRange(range)), code);
  const periodOf = new Map(all.map((e) => [e.entryId, e.period]));
  const { account } = within;
  return {
    cooperativeId,
    ...range,
    account: { code: account.code, name: account.name, class: account.class },
    opening: before.closing,
    rows: within.rows.map((r) => ({
      ...r,
      period: periodOf.get(r.entryId) ?? range.from,
      balance: before.closing + r.balance,
    })),
    closing: before.closing + within.closing,
  };
}

/** Neraca saldo at the end of `to`: every account's totals since the books began. */
export async function trialBalanceReport(deps: LedgerDeps, cooperativeId: string, range: Range) {
  const rows = trialBalance(await balanceItems(deps, cooperativeId, { to: range.to }));
  const totalDebit = rows.reduce((s, r) => s + r.debit, 0);
  const totalCredit = rows.reduce((s, r) => s + r.credit, 0);
  return {
    cooperativeId,
    ...range,
    asOf: range.to,
    rows,
    totalDebit,
    totalCredit,
    balanced: totalDebit === totalCredit,
  };
}

/** Laporan laba rugi (perhitungan SHU) of the range: income and expenses booked in it. */
export async function incomeStatementReport(deps: LedgerDeps, cooperativeId: string, range: Range) {
  const rows = trialBalance(await balanceItems(deps, cooperativeId, range));
  return { cooperativeId, ...range, ...incomeStatement(rows) };
}

/** Neraca at the end of `to`. */
export async function balanceSheetReport(deps: LedgerDeps, cooperativeId: string, range: Range) {
  const rows = trialBalance(await balanceItems(deps, cooperativeId, { to: range.to }));
  return { cooperativeId, ...range, asOf: range.to, ...balanceSheet(rows) };
}

export type JournalReport = Awaited<ReturnType<typeof journalReport>>;
export type GeneralLedgerReport = Awaited<ReturnType<typeof generalLedgerReport>>;
export type TrialBalanceReport = Awaited<ReturnType<typeof trialBalanceReport>>;
export type IncomeStatementReport = Awaited<ReturnType<typeof incomeStatementReport>>;
export type BalanceSheetReport = Awaited<ReturnType<typeof balanceSheetReport>>;
