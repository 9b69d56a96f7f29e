import type { Balances } from '../domain/account';
import { arrearsOf } from '../domain/account';
import { allMembers } from './member-facts';
import { nowOf, type SavingsDeps } from './ports';
import { getSavingsSettings } from './savings-settings';

export interface SavingsRow {
  memberId: string;
  displayName: string;
  joinedAt: Date;
  balances: Balances;
  monthsDue: number;
  monthsInArrears: number;
  /** Simpanan wajib owed now. */
  arrearsAmount: number;
  paidThrough: string | null;
  /** Simpanan pokok not paid yet (0 once paid). */
  pokokDue: number;
  /** arrearsAmount + pokokDue: the arrears list's order. */
  owed: number;
}

/**
 * Every member's savings at a glance, in one pass: the registry's records (pages of 500) and every
 * account's balances (one query), joined in memory; arrears are computed per member from the
 * balance, with no query per member. Only records holding the anggota role keep savings (a kasir
 * who is not a member owes nothing).
 */
async function savingsRows(deps: SavingsDeps, cooperativeId: string) {
  const [settings, members, summaries] = await Promise.all([
    getSavingsSettings(deps, cooperativeId),
    allMembers(deps, cooperativeId),
    deps.store.listSummaries(cooperativeId),
  ]);
  const balances = new Map(summaries.map((s) => [s.memberId, s.balances]));
  const asOf = nowOf(deps);
  const rows: SavingsRow[] = [];
  for (const m of members) {
    if (!m.roles.includes('anggota')) continue;
    const b = balances.get(m.memberId) ?? { pokok: 0, wajib: 0, sukarela: 0 };
    const a = arrearsOf(settings, m.createdAt, b.wajib, asOf);
    const pokokDue = b.pokok > 0 ? 0 : settings.pokokAmount;
    rows.push({
      memberId: m.memberId,
      displayName: m.displayName,
      joinedAt: m.createdAt,
      balances: b,
      monthsDue: a.monthsDue,
      monthsInArrears: a.monthsInArrears,
      arrearsAmount: a.arrearsAmount,
      paidThrough: a.paidThrough,
      pokokDue,
      owed: a.arrearsAmount + pokokDue,
    });
  }
  return { asOf, rows };
}

export interface ArrearsList {
  asOf: Date;
  items: SavingsRow[];
  /** Rows in arrears in all (the page is `items`). */
  total: number;
  totals: { members: number; inArrears: number; arrearsAmount: number; pokokDue: number; owed: number };
}

/** Members who owe simpanan wajib (or have not paid their pokok), most owed first, ties by member id. */
export async function listArrears(
  deps: SavingsDeps,
  cooperativeId: string,
  page: { limit: number; offset: number },
): Promise<ArrearsList> {
  const { asOf, rows: all } = await savingsRows(deps, cooperativeId);
  const rows = all.filter((r) => r.owed > 0);
  rows.sort((x, y) => y.owed - x.owed || (x.memberId < y.memberId ? -1 : 1));
  const sum = (f: (r: SavingsRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    asOf,
    items: rows.slice(page.offset, page.offset + page.limit),
    total: rows.length,
    totals: {
      members: all.length,
      inArrears: rows.length,
      arrearsAmount: sum((r) => r.arrearsAmount),
      pokokDue: sum((r) => r.pokokDue),
      owed: sum((r) => r.owed),
    },
  };
}

/**
 * Members and their balances, by name, optionally only those whose name or member id contains `q`
 * (case-insensitive): how the counter finds the member a receipt is for.
 */
export async function listMemberSavings(
  deps: SavingsDeps,
  cooperativeId: string,
  query: { q?: string; limit: number; offset: number },
): Promise<{ asOf: Date; items: SavingsRow[]; total: number }> {
  const { asOf, rows: all } = await savingsRows(deps, cooperativeId);
  const q = query.q?.trim().toLocaleLowerCase('id-ID');
  const rows = q
    ? all.filter(
        (r) => r.displayName.toLocaleLowerCase('id-ID').includes(q) || r.memberId.toLowerCase().includes(q),
      )
    : all;
  rows.sort(
    (x, y) => x.displayName.localeCompare(y.displayName, 'id-ID') || (x.memberId < y.memberId ? -1 : 1),
  );
  return { asOf, items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
}
