/**
 * A seller's consignment account: every line that moved what the cooperative owes them, and the
 * state of each order they sold in. Pure: the use cases load an account, apply one of these and
 * save it guarded on its version (one document, so a state change and its check are one write).
 *
 * balance = Σ entry amounts (sales − commission − refunds + commission reversed − payouts);
 * pending = the net of orders not handed over yet; availableForPayout = balance − pending.
 */
import { payoutExceedsAvailable } from './errors';

export const ENTRY_KINDS = ['sale', 'commission', 'refund', 'commission_reversal', 'payout'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const PAYOUT_METHODS = ['cash', 'transfer'] as const;
export type PayoutMethod = (typeof PAYOUT_METHODS)[number];

export interface PayoutFacts {
  payoutId: string;
  method: PayoutMethod;
  receiptNumber: string;
  note: string;
  recordedBy: string;
}

export interface Entry {
  /** Deterministic (`sale:<orderId>:<line>`, `payout:<payoutId>`…): applying a fact twice adds nothing. */
  id: string;
  kind: EntryKind;
  at: Date;
  orderId: string | null;
  notaNumber: string | null;
  productId: string | null;
  name: string | null;
  quantity: number | null;
  /** Signed effect on the balance, whole rupiah. */
  amount: number;
  payout: PayoutFacts | null;
}

export interface Anomaly {
  /** A refund of an order already handed over: not applied, left to the bendahara. */
  kind: 'refund_after_handover';
  orderId: string;
  notaNumber: string | null;
  amount: number;
  at: Date;
}

export type OrderState = 'pending' | 'settled';

export interface Account {
  cooperativeId: string;
  sellerId: string;
  /** 0 for an account never saved. */
  version: number;
  entries: Entry[];
  orders: { orderId: string; state: OrderState }[];
  anomalies: Anomaly[];
}

/** One sold line with its commission fixed when the money came in. */
export interface SaleLine {
  line: number;
  productId: string;
  name: string;
  quantity: number;
  lineTotal: number;
  commissionBps: number;
  commission: number;
}

export interface Summary {
  balance: number;
  pending: number;
  availableForPayout: number;
  sales: number;
  commission: number;
  refunds: number;
  commissionReversed: number;
  payouts: number;
  lastPayoutAt: Date | null;
}

export function emptyAccount(cooperativeId: string, sellerId: string): Account {
  return { cooperativeId, sellerId, version: 0, entries: [], orders: [], anomalies: [] };
}

const sum = (xs: Entry[]) => xs.reduce((s, e) => s + e.amount, 0);

export function summarise(a: Account): Summary {
  const pendingOrders = new Set(a.orders.filter((o) => o.state === 'pending').map((o) => o.orderId));
  const of = (kind: EntryKind) => a.entries.filter((e) => e.kind === kind);
  const balance = sum(a.entries);
  const pending = sum(a.entries.filter((e) => e.orderId !== null && pendingOrders.has(e.orderId)));
  const payouts = of('payout');
  return {
    balance,
    pending,
    availableForPayout: balance - pending,
    sales: sum(of('sale')),
    commission: -sum(of('commission')),
    refunds: -sum(of('refund')),
    commissionReversed: sum(of('commission_reversal')),
    payouts: -sum(payouts),
    lastPayoutAt: payouts.reduce<Date | null>((last, e) => (!last || e.at > last ? e.at : last), null),
  };
}

const stateOf = (a: Account, orderId: string) => a.orders.find((o) => o.orderId === orderId)?.state;

export interface Applied<T = undefined> {
  account: Account;
  changed: boolean;
  result: T;
}

const unchanged = <T>(account: Account, result: T): Applied<T> => ({ account, changed: false, result });

/** The money for these lines came in: sale and commission lines, the order pending. Once per order. */
export function recordSale(
  a: Account,
  sale: { orderId: string; at: Date; notaNumber: string | null; lines: SaleLine[] },
): Applied {
  if (stateOf(a, sale.orderId) || sale.lines.length === 0) return unchanged(a, undefined);
  const common = { at: sale.at, orderId: sale.orderId, notaNumber: sale.notaNumber, payout: null };
  const entries = sale.lines.flatMap((l): Entry[] => {
    const product = { productId: l.productId, name: l.name, quantity: l.quantity };
    const sold: Entry = {
      ...common,
      ...product,
      id: `sale:${sale.orderId}:${l.line}`,
      kind: 'sale',
      amount: l.lineTotal,
    };
    if (l.commission === 0) return [sold];
    const kept: Entry = {
      ...common,
      ...product,
      id: `commission:${sale.orderId}:${l.line}`,
      kind: 'commission',
      amount: -l.commission,
    };
    return [sold, kept];
  });
  return {
    account: {
      ...a,
      entries: [...a.entries, ...entries],
      orders: [...a.orders, { orderId: sale.orderId, state: 'pending' }],
    },
    changed: true,
    result: undefined,
  };
}

/**
 * The order's money goes back. Only a pending sale is undone (a refund line per sale line, the
 * commission reversed): its net comes off the pending part, never off what could be paid out.
 * A refund of an order already handed over is recorded as an anomaly for the bendahara, once.
 */
export function refundSale(
  a: Account,
  refund: { orderId: string; at: Date },
): Applied<'refunded' | 'anomaly' | 'none'> {
  const state = stateOf(a, refund.orderId);
  if (!state) return unchanged(a, 'none');
  const ofOrder = a.entries.filter((e) => e.orderId === refund.orderId);
  if (state === 'settled') {
    if (a.anomalies.some((x) => x.orderId === refund.orderId)) return unchanged(a, 'none');
    const anomaly: Anomaly = {
      kind: 'refund_after_handover',
      orderId: refund.orderId,
      notaNumber: ofOrder[0]?.notaNumber ?? null,
      amount: sum(ofOrder),
      at: refund.at,
    };
    return { account: { ...a, anomalies: [...a.anomalies, anomaly] }, changed: true, result: 'anomaly' };
  }
  if (ofOrder.some((e) => e.kind === 'refund')) return unchanged(a, 'none');
  const undo = ofOrder.map(
    (e): Entry => ({
      ...e,
      id: e.id.replace(/^(sale|commission):/, (_, k: string) => (k === 'sale' ? 'refund:' : 'reversal:')),
      kind: e.kind === 'sale' ? 'refund' : 'commission_reversal',
      at: refund.at,
      amount: -e.amount,
    }),
  );
  return { account: { ...a, entries: [...a.entries, ...undo] }, changed: true, result: 'refunded' };
}

/** Handed over: the order's net becomes payable; its lines get the nota number. Idempotent. */
export function settleOrder(a: Account, orderId: string, notaNumber: string | null): Applied {
  const state = stateOf(a, orderId);
  const needsNota =
    notaNumber !== null && a.entries.some((e) => e.orderId === orderId && e.notaNumber !== notaNumber);
  if (!state || (state === 'settled' && !needsNota)) return unchanged(a, undefined);
  return {
    account: {
      ...a,
      orders: a.orders.map((o) => (o.orderId === orderId ? { ...o, state: 'settled' } : o)),
      entries: a.entries.map((e) =>
        e.orderId === orderId && notaNumber !== null ? { ...e, notaNumber } : e,
      ),
    },
    changed: true,
    result: undefined,
  };
}

export interface PayoutInput extends PayoutFacts {
  amount: number;
  at: Date;
}

/**
 * The bendahara pays the seller. Refused above what is available (settled net − earlier payouts),
 * so the balance never goes below zero. The same payoutId twice is a replay: 'duplicate'.
 */
export function recordPayout(a: Account, p: PayoutInput): Applied<'recorded' | { duplicate: Entry }> {
  const existing = a.entries.find((e) => e.id === `payout:${p.payoutId}`);
  if (existing) return unchanged(a, { duplicate: existing });
  const available = summarise(a).availableForPayout;
  if (!Number.isInteger(p.amount) || p.amount <= 0 || p.amount > available)
    throw payoutExceedsAvailable(p.amount, available);
  const { amount, at, ...payout } = p;
  const entry: Entry = {
    id: `payout:${p.payoutId}`,
    kind: 'payout',
    at,
    orderId: null,
    notaNumber: null,
    productId: null,
    name: null,
    quantity: null,
    amount: -amount,
    payout,
  };
  return { account: { ...a, entries: [...a.entries, entry] }, changed: true, result: 'recorded' };
}
