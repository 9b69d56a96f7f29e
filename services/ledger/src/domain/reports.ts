import { ACCOUNTS, type AccountClass, type AccountCode, CHART, isDebitNormal } from './accounts';
import type { JournalEntry } from './journal';

export interface AccountBalance {
  code: string;
  name: string;
  class: AccountClass;
  debit: number;
  credit: number;
  /** On the account's normal side: positive when it sits where it should. */
  balance: number;
}

/** Per account, the debit and the credit total of the entries' lines. */
export function accountTotals(
  entries: Iterable<Pick<JournalEntry, 'lines'>>,
): Map<AccountCode, { debit: number; credit: number }> {
  const sums = new Map<AccountCode, { debit: number; credit: number }>();
  for (const e of entries)
    for (const l of e.lines) {
      const s = sums.get(l.account) ?? { debit: 0, credit: 0 };
      s.debit += l.debit;
      s.credit += l.credit;
      sums.set(l.account, s);
    }
  return sums;
}

/** Neraca saldo: every account's debit and credit totals over the entries given. */
export function trialBalance(entries: Iterable<Pick<JournalEntry, 'lines'>>): AccountBalance[] {
  const sums = accountTotals(entries);
  return CHART.filter((a) => sums.has(a.code)).map((a) => {
    const s = sums.get(a.code) ?? { debit: 0, credit: 0 };
    return {
      code: a.code,
      name: a.name,
      class: a.class,
      ...s,
      balance: isDebitNormal(a.class) ? s.debit - s.credit : s.credit - s.debit,
    };
  });
}

const total = (rows: AccountBalance[], cls: AccountClass) =>
  rows.filter((r) => r.class === cls).reduce((sum, r) => sum + r.balance, 0);

/** Laporan laba rugi: income less expenses is the SHU (sisa hasil usaha) of the entries' span. */
export function incomeStatement(rows: AccountBalance[]) {
  const pendapatan = rows.filter((r) => r.class === 'pendapatan');
  const beban = rows.filter((r) => r.class === 'beban');
  const totalPendapatan = total(rows, 'pendapatan');
  const totalBeban = total(rows, 'beban');
  return { pendapatan, beban, totalPendapatan, totalBeban, shu: totalPendapatan - totalBeban };
}

/**
 * Neraca: assets against liabilities and equity, with the span's unclosed surplus shown in
 * equity (until the year is closed into SHU tahun berjalan it still sits in income and expenses).
 */
export function balanceSheet(rows: AccountBalance[]) {
  const aset = total(rows, 'aset');
  const kewajiban = total(rows, 'kewajiban');
  const ekuitas = total(rows, 'ekuitas');
  const shuBelumDitutup = incomeStatement(rows).shu;
  return {
    aset: rows.filter((r) => r.class === 'aset'),
    kewajiban: rows.filter((r) => r.class === 'kewajiban'),
    ekuitas: rows.filter((r) => r.class === 'ekuitas'),
    totalAset: aset,
    totalKewajiban: kewajiban,
    totalEkuitas: ekuitas + shuBelumDitutup,
    shuBelumDitutup,
    balanced: aset === kewajiban + ekuitas + shuBelumDitutup,
  };
}

/** Buku besar: one account's entries in order with the running balance on its normal side. */
export function generalLedger(entries: Iterable<JournalEntry>, code: string) {
  const acc = ACCOUNTS.get(code);
  if (!acc) throw new Error(`unknown account ${code}`);
  const sign = isDebitNormal(acc.class) ? 1 : -1;
  let running = 0;
  const rows = [];
  for (const e of [...entries].sort(byTimeThenId))
    for (const l of e.lines)
      if (l.account === code) {
        running += sign * (l.debit - l.credit);
        rows.push({
          entryId: e.entryId,
          occurredAt: e.occurredAt,
          memo: e.memo,
          debit: l.debit,
          credit: l.credit,
          balance: running,
        });
      }
  return { account: acc, rows, closing: running };
}

export function byTimeThenId(a: JournalEntry, b: JournalEntry): number {
  return a.occurredAt < b.occurredAt
    ? -1
    : a.occurredAt > b.occurredAt
      ? 1
      : a.entryId < b.entryId
        ? -1
        : a.entryId > b.entryId
          ? 1
          : 0;
}
