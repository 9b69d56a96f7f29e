import { A, ACCOUNTS, isDebitNormal } from '../../domain/accounts';
import type { JournalLine } from '../../domain/journal';
import { periodOf } from '../../domain/journal';
import { trialBalance } from '../../domain/reports';
import { monthsOfYear } from '../../domain/shu-run';
import { balanceSheetReport, incomeStatementReport } from '../build-reports';
import { balanceItems, monthlyTotals } from '../period-balances';
import type { LedgerDeps } from '../ports';
import { getShuRun } from './read-shu';

const SAVINGS_ACCOUNTS = [
  { kind: 'pokok', account: A.simpananPokok },
  { kind: 'wajib', account: A.simpananWajib },
  { kind: 'sukarela', account: A.simpananSukarela },
] as const;

/** The change of an account on its normal side over some lines (credit − debit for savings). */
const net = (lines: readonly JournalLine[], code: string) => {
  const cls = ACCOUNTS.get(code)?.class;
  const sign = cls && isDebitNormal(cls) ? 1 : -1;
  return lines.filter((l) => l.account === code).reduce((s, l) => s + sign * (l.debit - l.credit), 0);
};
const sideOf = (lines: readonly JournalLine[], code: string, side: 'debit' | 'credit') =>
  lines.filter((l) => l.account === code).reduce((s, l) => s + l[side], 0);

/**
 * Everything the RAT pack prints for a year that has an SHU run: the neraca at the year's end, the
 * laba rugi, the allocation and the per-member list, the savings summary (from the books, so it
 * matches the neraca), the members who joined, and per month the sales (income) and the members'
 * savings at the month's end for the charts.
 */
export async function ratPack(deps: LedgerDeps, cooperativeId: string, year: number) {
  const shu = await getShuRun(deps, cooperativeId, year);
  const range = { from: `${year}-01`, to: `${year}-12` };
  const months = monthsOfYear(year);
  const [balanceSheet, incomeStatement, closingItems, totals, members] = await Promise.all([
    balanceSheetReport(deps, cooperativeId, range),
    incomeStatementReport(deps, cooperativeId, range),
    balanceItems(deps, cooperativeId, { to: range.to }),
    monthlyTotals(deps, cooperativeId, months),
    deps.members.members(cooperativeId),
  ]);
  const yearLines = months.flatMap((m) => totals.get(m) ?? []);
  // The opening balance is the year-end one less the year's own movements: the closed year's kept
  // totals answer both, without reading the entries of the years before.
  const closing = trialBalance(closingItems);
  const openingOf = (code: string) =>
    (closing.find((r) => r.code === code)?.balance ?? 0) - net(yearLines, code);
  const savings = SAVINGS_ACCOUNTS.map(({ kind, account }) => {
    const inflow = sideOf(yearLines, account, 'credit');
    const outflow = sideOf(yearLines, account, 'debit');
    return {
      kind,
      account,
      name: ACCOUNTS.get(account)?.name ?? account,
      opening: openingOf(account),
      in: inflow,
      out: outflow,
      closing: openingOf(account) + inflow - outflow,
    };
  });
  let running = savings.reduce((s, r) => s + r.opening, 0);
  const monthly = months.map((period) => {
    const lines = totals.get(period) ?? [];
    const sales = [...ACCOUNTS.values()]
      .filter((a) => a.class === 'pendapatan')
      .reduce((s, a) => s + net(lines, a.code), 0);
    running += SAVINGS_ACCOUNTS.reduce((s, { account }) => s + net(lines, account), 0);
    return { period, sales, savings: running };
  });
  const start = `${year}-01`;
  const end = `${year}-12`;
  const joinedBefore = members.filter((m) => periodOf(m.joinedAt) < start).length;
  const joined = members.filter((m) => {
    const p = periodOf(m.joinedAt);
    return p >= start && p <= end;
  });
  return {
    cooperativeId,
    year,
    shu,
    balanceSheet,
    incomeStatement,
    savings,
    memberCount: {
      atStart: joinedBefore,
      joined: joined.length,
      atEnd: joinedBefore + joined.length,
      joinedPerMonth: months.map((p) => ({
        period: p,
        joined: joined.filter((m) => periodOf(m.joinedAt) === p).length,
      })),
    },
    monthly,
  };
}
export type RatPack = Awaited<ReturnType<typeof ratPack>>;
