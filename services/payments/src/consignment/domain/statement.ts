import { type Account, type Entry, type EntryKind, summarise } from './account';
import { jakartaDay, jakartaMonth } from './jakarta';

export interface StatementLine {
  /** The Jakarta day, YYYY-MM-DD. */
  date: string;
  at: Date;
  kind: EntryKind;
  orderId: string | null;
  notaNumber: string | null;
  productId: string | null;
  product: string | null;
  quantity: number | null;
  receiptNumber: string | null;
  amount: number;
  /** The balance after this line. */
  balance: number;
}

export interface Statement {
  month: string;
  from: Date;
  to: Date;
  openingBalance: number;
  lines: StatementLine[];
  closingBalance: number;
  totals: Record<EntryKind, number>;
}

/** Oldest first; entries of one instant keep the order they were written in. */
const chronological = (entries: Entry[]) =>
  entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.getTime() - b.e.at.getTime() || a.i - b.i);

/** A month of the account (Asia/Jakarta): opening balance, its lines, closing balance. */
export function statementFor(a: Account, month: string): Statement {
  const { from, to } = jakartaMonth(month);
  const sorted = chronological(a.entries).map((x) => x.e);
  const before = sorted.filter((e) => e.at < from);
  const within = sorted.filter((e) => e.at >= from && e.at < to);
  const openingBalance = before.reduce((s, e) => s + e.amount, 0);
  let running = openingBalance;
  const lines = within.map((e): StatementLine => {
    running += e.amount;
    return {
      date: jakartaDay(e.at),
      at: e.at,
      kind: e.kind,
      orderId: e.orderId,
      notaNumber: e.notaNumber,
      productId: e.productId,
      product: e.name,
      quantity: e.quantity,
      receiptNumber: e.payout?.receiptNumber ?? null,
      amount: e.amount,
      balance: running,
    };
  });
  const totals = { sale: 0, commission: 0, refund: 0, commission_reversal: 0, payout: 0 };
  for (const l of lines) totals[l.kind] += l.amount;
  return { month, from, to, openingBalance, lines, closingBalance: running, totals };
}

/** The months (YYYY-MM, Jakarta) the account has lines in, oldest first. */
export function monthsOf(a: Account): string[] {
  return [...new Set(a.entries.map((e) => jakartaDay(e.at).slice(0, 7)))].sort();
}

/** True when every month's closing balance is the next one's opening and the last is the balance. */
export function statementsAgree(a: Account): boolean {
  let carried = 0;
  for (const month of monthsOf(a)) {
    const s = statementFor(a, month);
    if (s.openingBalance !== carried) return false;
    carried = s.closingBalance;
  }
  return carried === summarise(a).balance;
}
