import { A } from '../domain/accounts';
import { trialBalance } from '../domain/reports';
import type { LedgerDeps, StoredEntry } from './ports';

export interface CooperativeFigures {
  cooperativeId: string;
  /** Sales of the year: own goods, consignment commission and delivery fees (pendapatan). */
  sales: number;
  /** Income less expenses of the year. */
  shu: number;
  /** Members' savings at the year's end. */
  savings: { pokok: number; wajib: number; sukarela: number; total: number };
}

const balanceOf = (rows: ReturnType<typeof trialBalance>, code: string) =>
  rows.find((r) => r.code === code)?.balance ?? 0;

/**
 * For dinas: one line of figures per cooperative for a year, and their sum. Only totals from the
 * books — no entry, no member, no memo.
 */
export async function aggregateReport(deps: LedgerDeps, year: number) {
  const to = `${year}-12`;
  const from = `${year}-01`;
  const byCoop = new Map<string, StoredEntry[]>();
  for (const e of await deps.journal.list({ to })) {
    const list = byCoop.get(e.cooperativeId) ?? [];
    list.push(e);
    byCoop.set(e.cooperativeId, list);
  }
  const cooperatives: CooperativeFigures[] = [...byCoop.keys()].sort().map((cooperativeId) => {
    const entries = byCoop.get(cooperativeId) ?? [];
    const ofYear = trialBalance(entries.filter((e) => e.period >= from));
    const sales = ofYear.filter((r) => r.class === 'pendapatan').reduce((s, r) => s + r.balance, 0);
    const shu = sales - ofYear.filter((r) => r.class === 'beban').reduce((s, r) => s + r.balance, 0);
    const end = trialBalance(entries);
    const pokok = balanceOf(end, A.simpananPokok);
    const wajib = balanceOf(end, A.simpananWajib);
    const sukarela = balanceOf(end, A.simpananSukarela);
    return {
      cooperativeId,
      sales,
      shu,
      savings: { pokok, wajib, sukarela, total: pokok + wajib + sukarela },
    };
  });
  const sum = (f: (c: CooperativeFigures) => number) => cooperatives.reduce((s, c) => s + f(c), 0);
  return {
    year,
    cooperatives,
    totals: {
      cooperatives: cooperatives.length,
      sales: sum((c) => c.sales),
      shu: sum((c) => c.shu),
      savings: sum((c) => c.savings.total),
    },
  };
}
