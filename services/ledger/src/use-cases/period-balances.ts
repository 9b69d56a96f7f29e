import { type JournalEntry, type JournalLine, nextPeriod, type Period } from '../domain/journal';
import { accountTotals } from '../domain/reports';
import { type LedgerDeps, now } from './ports';

/**
 * How long after its close a month is settled: every posting it admitted before closing has been
 * written by then (a write takes milliseconds; this is a wide margin), and nothing can be booked
 * into it any more (late events go to the next open month).
 */
export const SETTLE_MS = 60_000;

/** Per account, the debit and the credit total of some entries (one line each, both sides). */
export function totalsOf(entries: Iterable<Pick<JournalEntry, 'lines'>>): JournalLine[] {
  return [...accountTotals(entries)].map(([account, s]) => ({ account, ...s }));
}

/**
 * What the balance reports (neraca saldo, laba rugi, neraca) sum for the months `from`…`to`: the
 * settled closed months at the start of the books as their kept per-account totals — summed from
 * their entries once, the first time a report needs them — and the entries of every month after
 * them. A closed year's reports then read twelve small documents instead of a year of entries.
 */
export async function balanceItems(
  deps: LedgerDeps,
  cooperativeId: string,
  q: { from?: Period; to: Period },
): Promise<Pick<JournalEntry, 'lines'>[]> {
  const settledBefore = now(deps).getTime() - (deps.settleMs ?? SETTLE_MS);
  const periods = (await deps.periods.list(cooperativeId)).filter((p) => p.period <= q.to);
  const kept = await deps.periods.totals(cooperativeId);
  const items: Pick<JournalEntry, 'lines'>[] = [];
  let after: Period | undefined;
  for (const p of periods) {
    if (p.status !== 'closed' || !p.closedAt || Date.parse(p.closedAt) > settledBefore) break;
    let totals = kept.get(p.period);
    if (!totals) {
      totals = totalsOf(await deps.journal.list({ cooperativeId, from: p.period, to: p.period }));
      await deps.periods.setTotals(cooperativeId, p.period, totals);
    }
    if (!q.from || p.period >= q.from) items.push({ lines: totals });
    after = nextPeriod(p.period);
  }
  const from = after && (!q.from || after > q.from) ? after : q.from;
  if (from && from > q.to) return items;
  return [...items, ...(await deps.journal.list({ cooperativeId, ...(from ? { from } : {}), to: q.to }))];
}

/**
 * Per-account totals of each month asked for: a settled closed month's kept totals (summed and
 * kept the first time), any other month summed from its entries — all of those read in one query.
 */
export async function monthlyTotals(
  deps: LedgerDeps,
  cooperativeId: string,
  months: readonly Period[],
): Promise<Map<Period, JournalLine[]>> {
  const settledBefore = now(deps).getTime() - (deps.settleMs ?? SETTLE_MS);
  const [periods, kept] = await Promise.all([
    deps.periods.list(cooperativeId),
    deps.periods.totals(cooperativeId),
  ]);
  const settled = new Set(
    periods
      .filter((p) => p.status === 'closed' && p.closedAt && Date.parse(p.closedAt) <= settledBefore)
      .map((p) => p.period),
  );
  const out = new Map<Period, JournalLine[]>();
  const missing = months.filter((m) => {
    const t = kept.get(m);
    if (t) out.set(m, t);
    return !t;
  });
  if (missing.length === 0) return out;
  const sorted = [...missing].sort();
  const from = sorted[0] as Period;
  const to = sorted[sorted.length - 1] as Period;
  const byMonth = new Map<Period, JournalEntry[]>();
  for (const e of await deps.journal.list({ cooperativeId, from, to })) {
    const list = byMonth.get(e.period) ?? [];
    list.push(e);
    byMonth.set(e.period, list);
  }
  for (const m of missing) {
    const totals = totalsOf(byMonth.get(m) ?? []);
    if (settled.has(m)) await deps.periods.setTotals(cooperativeId, m, totals);
    out.set(m, totals);
  }
  return out;
}
