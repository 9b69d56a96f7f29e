import { arrearsOf } from '../domain/account';
import { allMembers } from './member-facts';
import { nowOf, type SavingsDeps } from './ports';
import { getSavingsSettings } from './savings-settings';

export interface ArrearsRow {
  memberId: string;
  displayName: string;
  joinedAt: Date;
  monthsDue: number;
  monthsInArrears: number;
  /** Simpanan wajib owed now. */
  arrearsAmount: number;
  paidThrough: string | null;
  /** Simpanan pokok not paid yet (0 once paid). */
  pokokDue: number;
  /** arrearsAmount + pokokDue: the list's order. */
  owed: number;
}

export interface ArrearsList {
  asOf: Date;
  items: ArrearsRow[];
  /** Rows in arrears in all (the page is `items`). */
  total: number;
  totals: { members: number; inArrears: number; arrearsAmount: number; pokokDue: number; owed: number };
}

/**
 * Members who owe simpanan wajib (or have not paid their pokok), most owed first, ties by member id.
 * One pass: the registry's records (pages of 500) and every account's balances (one query), joined
 * in memory; arrears are computed per member from the balance, with no query per member. Only
 * records holding the anggota role owe savings (a kasir who is not a member does not).
 */
export async function listArrears(
  deps: SavingsDeps,
  cooperativeId: string,
  page: { limit: number; offset: number },
): Promise<ArrearsList> {
  const [settings, members, summaries] = await Promise.all([
    getSavingsSettings(deps, cooperativeId),
    allMembers(deps, cooperativeId),
    deps.store.listSummaries(cooperativeId),
  ]);
  const balances = new Map(summaries.map((s) => [s.memberId, s.balances]));
  const asOf = nowOf(deps);
  const rows: ArrearsRow[] = [];
  let anggota = 0;
  for (const m of members) {
    if (!m.roles.includes('anggota')) continue;
    anggota++;
    const b = balances.get(m.memberId) ?? { pokok: 0, wajib: 0, sukarela: 0 };
    const a = arrearsOf(settings, m.createdAt, b.wajib, asOf);
    const pokokDue = b.pokok > 0 ? 0 : settings.pokokAmount;
    const owed = a.arrearsAmount + pokokDue;
    if (owed === 0) continue;
    rows.push({
      memberId: m.memberId,
      displayName: m.displayName,
      joinedAt: m.createdAt,
      monthsDue: a.monthsDue,
      monthsInArrears: a.monthsInArrears,
      arrearsAmount: a.arrearsAmount,
      paidThrough: a.paidThrough,
      pokokDue,
      owed,
    });
  }
  rows.sort((x, y) => y.owed - x.owed || (x.memberId < y.memberId ? -1 : 1));
  const sum = (f: (r: ArrearsRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    asOf,
    items: rows.slice(page.offset, page.offset + page.limit),
    total: rows.length,
    totals: {
      members: anggota,
      inArrears: rows.length,
      arrearsAmount: sum((r) => r.arrearsAmount),
      pokokDue: sum((r) => r.pokokDue),
      owed: sum((r) => r.owed),
    },
  };
}
