import { type AccountCode, isAccountCode } from './accounts';

/** One side of a journal entry: an amount in integer rupiah on the debit or the credit side. */
export interface JournalLine {
  account: AccountCode;
  debit: number;
  credit: number;
}

/** `YYYY-MM`, a month of the cooperative's books (Asia/Jakarta). */
export type Period = string;

/**
 * A journal entry: posted once per business event (`sourceId` = the event id), never edited or
 * deleted. A correction is another entry with `reverses` naming the one it undoes.
 */
export interface JournalEntry {
  entryId: string;
  cooperativeId: string;
  /** The period the entry is booked in: the event's month, or the first open one after it. */
  period: Period;
  /** When the business event happened (ISO instant). */
  occurredAt: string;
  /** The event (or manual entry) that caused it: one entry per source. */
  sourceId: string;
  kind: string;
  memo: string;
  lines: JournalLine[];
  /** The entry this one reverses (a correction). */
  reverses?: string;
  /** Set when the event's own period was closed: the period it belonged to. */
  lateFor?: Period;
}

export class UnbalancedEntry extends Error {
  constructor(
    readonly debit: number,
    readonly credit: number,
  ) {
    super(`journal entry does not balance: debit ${debit} ≠ credit ${credit}`);
  }
}

const isRupiah = (n: number) => Number.isSafeInteger(n) && n >= 0;

/**
 * Lines as a poster wrote them, checked: integer rupiah, one side each, known accounts, and equal
 * debit and credit totals. Zero lines are dropped (a sale without a delivery fee has no ongkir).
 */
export function balancedLines(lines: readonly JournalLine[]): JournalLine[] {
  const kept = lines.filter((l) => l.debit !== 0 || l.credit !== 0);
  let debit = 0;
  let credit = 0;
  for (const l of kept) {
    if (!isAccountCode(l.account)) throw new Error(`unknown account ${l.account}`);
    if (!isRupiah(l.debit) || !isRupiah(l.credit)) throw new Error(`amounts must be integer rupiah ≥ 0`);
    if (l.debit > 0 && l.credit > 0) throw new Error(`a line has one side only (${l.account})`);
    debit += l.debit;
    credit += l.credit;
  }
  if (kept.length < 2 || debit !== credit || debit === 0) throw new UnbalancedEntry(debit, credit);
  return kept;
}

export const dr = (account: AccountCode, amount: number): JournalLine => ({
  account,
  debit: amount,
  credit: 0,
});
export const cr = (account: AccountCode, amount: number): JournalLine => ({
  account,
  debit: 0,
  credit: amount,
});

/** The correction of `entry`: the same lines with the sides swapped, booked in `period`. */
export function reversalOf(
  entry: JournalEntry,
  reversal: { entryId: string; sourceId: string; occurredAt: string; period: Period; memo: string },
): JournalEntry {
  return {
    ...reversal,
    cooperativeId: entry.cooperativeId,
    kind: 'reversal',
    reverses: entry.entryId,
    lines: entry.lines.map((l) => ({ account: l.account, debit: l.credit, credit: l.debit })),
  };
}

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The Jakarta month of an instant: an event of 31 Jan 23:30 WIB is January's. */
export function periodOf(at: string | Date): Period {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 7);
}

export function nextPeriod(p: Period): Period {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Where an event of `own` period is booked: there while it is open, else in the first open period
 * after it (marked late, with its own period as the reference). Closing is per month; a closed
 * year closes its twelve months.
 */
export function bookingPeriod(
  own: Period,
  isClosed: (p: Period) => boolean,
): { period: Period; lateFor?: Period } {
  if (!isClosed(own)) return { period: own };
  let p = nextPeriod(own);
  // Closed periods are finite (at most every month up to now), so this ends.
  for (let i = 0; i < 1200 && isClosed(p); i++) p = nextPeriod(p);
  return { period: p, lateFor: own };
}
