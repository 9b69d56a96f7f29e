/**
 * A member's savings sub-ledger (buku simpanan): every movement of their simpanan pokok, wajib and
 * sukarela, in the order recorded. Pure: the use cases load an account, apply one of these, and
 * save it guarded on its version, so a check (pokok once, sukarela never below zero) and the
 * movement it allows are one single-document write.
 *
 * balance of a kind = Σ deposits of that kind − Σ withdrawals (sukarela only).
 */
import type { SavingsKind, SavingsMethod } from '@pasar/contracts';
import {
  type Arrears,
  addMonths,
  jakartaMonth,
  monthsBetween,
  rateFor,
  wajibArrears,
} from '../wajib-arrears';
import {
  insufficient,
  notAnggota,
  pokokAlreadyPaid,
  pokokAmount,
  receivedBeforeJoining,
  receivedInFuture,
  wajibAmountMismatch,
  wajibTooFarAhead,
} from './errors';
import type { SavingsSettings } from './settings';

/**
 * `deposit` and `withdrawal` move a balance; `shu_paid_out` is a history line only: the member's SHU
 * was paid out in cash or by transfer (the ledger booked it), so the passbook shows it, no balance moves.
 */
export type MovementType = 'deposit' | 'withdrawal' | 'shu_paid_out';
/** `counter`: recorded by the bendahara or a kasir with a receipt; `shu`: from the ledger's SHU distribution. */
export type MovementSource = 'counter' | 'shu';

export interface Movement {
  /** `svm_…` for a counter movement (named by its receipt claim); `shu:<shuId>` for an SHU line. */
  movementId: string;
  /** 1, 2, … in the order recorded (the history's cursor). */
  seq: number;
  type: MovementType;
  /** Null only for `shu_paid_out`. */
  kind: SavingsKind | null;
  amount: number;
  method: SavingsMethod | null;
  receiptNumber: string | null;
  source: MovementSource;
  /** When the money changed hands (the receipt's date). */
  receivedAt: Date;
  recordedAt: Date;
  /** Person id of the bendahara or kasir; for SHU lines the person who distributed it. */
  recordedBy: string;
  /** Wajib: the months this payment completed (first and last), if it completed any. */
  covers: { from: string; to: string; months: number } | null;
  shu: { shuId: string; year: number } | null;
  /** The balance of `kind` after this movement (null for `shu_paid_out`). */
  balanceAfter: number | null;
}

export interface Balances {
  pokok: number;
  wajib: number;
  sukarela: number;
}

export interface SavingsAccount {
  cooperativeId: string;
  memberId: string;
  /** 0 for an account never saved. */
  version: number;
  movements: Movement[];
}

/** What the checks need to know of the member (from the registry). */
export interface MemberFacts {
  memberId: string;
  cooperativeId: string;
  joinedAt: Date;
  /** Holds the anggota role: only members keep savings. */
  anggota: boolean;
}

export function emptyAccount(cooperativeId: string, memberId: string): SavingsAccount {
  return { cooperativeId, memberId, version: 0, movements: [] };
}

export function balancesOf(a: Pick<SavingsAccount, 'movements'>): Balances {
  const b: Balances = { pokok: 0, wajib: 0, sukarela: 0 };
  for (const m of a.movements) {
    if (!m.kind || m.type === 'shu_paid_out') continue;
    b[m.kind] += m.type === 'withdrawal' ? -m.amount : m.amount;
  }
  return b;
}

export interface MemberArrears extends Arrears {
  /** The first month wajib was due for this member (YYYY-MM). */
  firstDueMonth: string;
  /** The wajib rate of the month of `asOf`. */
  monthlyNow: number;
  asOf: Date;
}

const jakartaMonthStart = (month: string) => new Date(`${month}-01T00:00:00+07:00`);

/**
 * Wajib arrears as of `asOf`, on the pure table-tested `wajibArrears`. Months before the bylaws'
 * first rate owe nothing: a member who joined before it is first due in the month it starts.
 */
export function arrearsOf(
  settings: SavingsSettings,
  joinedAt: Date,
  wajibPaid: number,
  asOf: Date,
): MemberArrears {
  const firstRate = settings.wajibRates[0]!.from;
  const joinedMonth = jakartaMonth(joinedAt);
  const naturalFirst = settings.firstDue === 'joining_month' ? joinedMonth : addMonths(joinedMonth, 1);
  const before = naturalFirst < firstRate;
  const input = before
    ? { joinedAt: jakartaMonthStart(firstRate), firstDue: 'joining_month' as const }
    : { joinedAt, firstDue: settings.firstDue };
  const arrears = wajibArrears({ ...input, asOf, rates: settings.wajibRates, payments: [wajibPaid] });
  const monthNow = jakartaMonth(asOf);
  return {
    ...arrears,
    firstDueMonth: before ? firstRate : naturalFirst,
    monthlyNow: monthNow < firstRate ? 0 : rateFor(monthNow, settings.wajibRates),
    asOf,
  };
}

/** The first month not fully paid. */
function nextUnpaid(a: MemberArrears): string {
  return a.paidThrough ? addMonths(a.paidThrough, 1) : a.firstDueMonth;
}

/** Rupiah that pays exactly the next `months` unpaid months of wajib (less a partial payment made). */
export function wajibFor(settings: SavingsSettings, before: MemberArrears, months: number): number {
  const start = nextUnpaid(before);
  let total = 0;
  for (let i = 0; i < months; i++) total += rateFor(addMonths(start, i), settings.wajibRates);
  return total - before.partial;
}

/** A wajib payment covers at most this many months after the current one. */
export const MAX_MONTHS_AHEAD = 120;

/**
 * The most wajib a member can have paid now: everything due so far and the next 120 months (the
 * contract's `months` bound). It also bounds the month-by-month filling of wajibArrears.
 */
export function wajibCeiling(settings: SavingsSettings, before: MemberArrears): number {
  const current = jakartaMonth(before.asOf);
  const beforeFirst = addMonths(before.firstDueMonth, -1);
  const from = monthsBetween(beforeFirst, current) > 0 ? current : beforeFirst;
  let ahead = 0;
  for (let i = 1; i <= MAX_MONTHS_AHEAD; i++) ahead += rateFor(addMonths(from, i), settings.wajibRates);
  return before.amountDue + ahead;
}

/** A receipt's date: never in the future (a minute of clock skew allowed), never before joining. */
export function checkReceivedAt(receivedAt: Date, member: MemberFacts, now: Date): void {
  if (receivedAt.getTime() > now.getTime() + 60_000) throw receivedInFuture();
  if (receivedAt < member.joinedAt) throw receivedBeforeJoining(member.joinedAt);
}

export interface CounterInput {
  movementId: string;
  amount: number;
  method: SavingsMethod;
  receiptNumber: string;
  receivedAt: Date;
  recordedAt: Date;
  recordedBy: string;
}

export interface DepositInput extends CounterInput {
  kind: SavingsKind;
  /** Wajib only: the payment must be exactly the next this-many months. */
  months?: number;
}

export interface Applied {
  account: SavingsAccount;
  movement: Movement;
  /** False when the movement was in the account already (a retry): nothing changed. */
  changed: boolean;
}

const existing = (a: SavingsAccount, movementId: string) =>
  a.movements.find((m) => m.movementId === movementId);

const append = (a: SavingsAccount, m: Omit<Movement, 'seq'>): Applied => {
  const movement: Movement = { ...m, seq: a.movements.length + 1 };
  return { account: { ...a, movements: [...a.movements, movement] }, movement, changed: true };
};

/**
 * A deposit at the counter. Pokok: once, exactly the bylaws' amount. Wajib: any amount fills months
 * oldest first (several at once, or in advance); with `months` it must be exactly those months.
 * Sukarela: any amount.
 */
export function deposit(
  a: SavingsAccount,
  input: DepositInput,
  ctx: { settings: SavingsSettings; member: MemberFacts },
): Applied {
  const seen = existing(a, input.movementId);
  if (seen) return { account: a, movement: seen, changed: false };
  if (!ctx.member.anggota) throw notAnggota(ctx.member.memberId);
  const balances = balancesOf(a);
  let covers: Movement['covers'] = null;
  if (input.kind === 'pokok') {
    const paid = a.movements.find((m) => m.kind === 'pokok' && m.type === 'deposit');
    if (paid) throw pokokAlreadyPaid(paid.receiptNumber);
    if (input.amount !== ctx.settings.pokokAmount) throw pokokAmount(ctx.settings.pokokAmount);
  }
  if (input.kind === 'wajib') {
    const asOf = input.recordedAt;
    const before = arrearsOf(ctx.settings, ctx.member.joinedAt, balances.wajib, asOf);
    if (input.months !== undefined) {
      const expected = wajibFor(ctx.settings, before, input.months);
      if (input.amount !== expected) throw wajibAmountMismatch(input.months, expected);
    }
    const ceiling = wajibCeiling(ctx.settings, before);
    if (balances.wajib + input.amount > ceiling)
      throw wajibTooFarAhead(MAX_MONTHS_AHEAD, Math.max(0, ceiling - balances.wajib));
    const after = arrearsOf(ctx.settings, ctx.member.joinedAt, balances.wajib + input.amount, asOf);
    if (after.paidThrough && after.paidThrough !== before.paidThrough) {
      const from = nextUnpaid(before);
      covers = { from, to: after.paidThrough, months: monthsBetween(from, after.paidThrough) + 1 };
    }
  }
  return append(a, {
    movementId: input.movementId,
    type: 'deposit',
    kind: input.kind,
    amount: input.amount,
    method: input.method,
    receiptNumber: input.receiptNumber,
    source: 'counter',
    receivedAt: input.receivedAt,
    recordedAt: input.recordedAt,
    recordedBy: input.recordedBy,
    covers,
    shu: null,
    balanceAfter: balances[input.kind] + input.amount,
  });
}

/** A withdrawal of simpanan sukarela (the only kind that can be withdrawn); never below zero. */
export function withdraw(a: SavingsAccount, input: CounterInput, member: MemberFacts): Applied {
  const seen = existing(a, input.movementId);
  if (seen) return { account: a, movement: seen, changed: false };
  if (!member.anggota) throw notAnggota(member.memberId);
  const { sukarela } = balancesOf(a);
  if (input.amount > sukarela) throw insufficient(sukarela);
  return append(a, {
    movementId: input.movementId,
    type: 'withdrawal',
    kind: 'sukarela',
    amount: input.amount,
    method: input.method,
    receiptNumber: input.receiptNumber,
    source: 'counter',
    receivedAt: input.receivedAt,
    recordedAt: input.recordedAt,
    recordedBy: input.recordedBy,
    covers: null,
    shu: null,
    balanceAfter: sukarela - input.amount,
  });
}

export interface ShuLine {
  shuId: string;
  year: number;
  amount: number;
  /** sukarela: credited to the balance; cash / transfer: paid out, a history line only. */
  to: 'sukarela' | 'cash' | 'transfer';
  at: Date;
  recordedAt: Date;
  by: string;
}

/** The member's SHU of a year, once per SHU run (`shu:<shuId>`): a redelivery adds nothing. */
export function applyShu(a: SavingsAccount, line: ShuLine): Applied {
  const movementId = `shu:${line.shuId}`;
  const seen = existing(a, movementId);
  if (seen) return { account: a, movement: seen, changed: false };
  const credited = line.to === 'sukarela';
  return append(a, {
    movementId,
    type: credited ? 'deposit' : 'shu_paid_out',
    kind: credited ? 'sukarela' : null,
    amount: line.amount,
    method: credited ? null : line.to === 'cash' ? 'cash' : 'transfer',
    receiptNumber: null,
    source: 'shu',
    receivedAt: line.at,
    recordedAt: line.recordedAt,
    recordedBy: line.by,
    covers: null,
    shu: { shuId: line.shuId, year: line.year },
    balanceAfter: credited ? balancesOf(a).sukarela + line.amount : null,
  });
}

/** Newest first, `limit` movements before the cursor `before` (a seq; absent: from the newest). */
export function historyPage(
  a: Pick<SavingsAccount, 'movements'>,
  opts: { limit: number; before?: number },
): { items: Movement[]; nextBefore: number | null } {
  const older = a.movements.filter((m) => opts.before === undefined || m.seq < opts.before);
  const items = older.slice(-opts.limit).reverse();
  const last = items.at(-1);
  return { items, nextBefore: last && older.length > items.length ? last.seq : null };
}
