/**
 * What consignment has learnt of one order, from events that may arrive in any order across
 * topics (orders.order.v1 and payments.payment.v1). A fact, once known, is never overwritten, so
 * a redelivered or late event changes nothing. The sale is recognised (its commission fixed)
 * once both the lines and the money are known, at the rates in force at that moment.
 */
import type { Category, OrderLine } from '@pasar/contracts';
import { type Account, recordSale, refundSale, type SaleLine, settleOrder } from './account';
import { type CommissionSettings, commissionOf, rateFor } from './commission';

export type RefundReason = 'order_cancelled' | 'payment_refunded';

export interface OrderFacts {
  orderId: string;
  cooperativeId: string;
  /** 0 for facts never saved. */
  version: number;
  lines: OrderLine[] | null;
  /** When the money came in (PaymentSucceeded, or cash taken at handover). */
  moneyInAt: Date | null;
  completedAt: Date | null;
  notaNumber: string | null;
  /** The order's money goes back (cancelled or expired after payment, or the payment refunded). */
  refund: { at: Date; reason: RefundReason; afterHandover: boolean } | null;
  /** Fixed once, when lines and money are both known: the consignment lines per seller. */
  recognition: { at: Date; sellers: { sellerId: string; lines: SaleLine[] }[] } | null;
}

export type Fact =
  | { kind: 'lines'; lines: OrderLine[] }
  | { kind: 'moneyIn'; at: Date }
  | { kind: 'completed'; at: Date; notaNumber: string }
  | { kind: 'refund'; at: Date; reason: RefundReason };

export function emptyFacts(orderId: string, cooperativeId: string): OrderFacts {
  return {
    orderId,
    cooperativeId,
    version: 0,
    lines: null,
    moneyInAt: null,
    completedAt: null,
    notaNumber: null,
    refund: null,
    recognition: null,
  };
}

/** Adds a fact; returns the same object when it was known already. */
export function mergeFact(f: OrderFacts, fact: Fact): OrderFacts {
  switch (fact.kind) {
    case 'lines':
      return f.lines ? f : { ...f, lines: fact.lines };
    case 'moneyIn':
      return f.moneyInAt ? f : { ...f, moneyInAt: fact.at };
    case 'completed':
      return f.completedAt ? f : { ...f, completedAt: fact.at, notaNumber: fact.notaNumber };
    case 'refund':
      return f.refund
        ? f
        : { ...f, refund: { at: fact.at, reason: fact.reason, afterHandover: f.completedAt !== null } };
  }
}

export interface RecognitionContext {
  settings: CommissionSettings;
  /** Which sellerIds are consignment sellers of the order's cooperative. */
  isSeller: (sellerId: string) => boolean;
  categoryOf: (productId: string) => Category | null;
  at: Date;
}

/**
 * Fixes the consignment lines once lines and money are known. Lines of goods that are not a
 * consignment seller's (the cooperative's own stock) are not consignment and are left out.
 */
export function recognise(f: OrderFacts, ctx: RecognitionContext): OrderFacts {
  if (f.recognition || !f.lines || !f.moneyInAt) return f;
  const sellers = new Map<string, SaleLine[]>();
  f.lines.forEach((l, line) => {
    if (!ctx.isSeller(l.sellerId)) return;
    const commissionBps = rateFor(ctx.settings, ctx.categoryOf(l.productId));
    const sale: SaleLine = {
      line,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      lineTotal: l.lineTotal,
      commissionBps,
      commission: commissionOf(l.lineTotal, commissionBps),
    };
    sellers.set(l.sellerId, [...(sellers.get(l.sellerId) ?? []), sale]);
  });
  return {
    ...f,
    recognition: { at: ctx.at, sellers: [...sellers].map(([sellerId, lines]) => ({ sellerId, lines })) },
  };
}

export interface SyncOutcome {
  account: Account;
  changed: boolean;
  saleRecorded: boolean;
  refund: 'refunded' | 'anomaly' | 'none';
}

/**
 * Brings one seller's account up to what the order's facts say: the sale, its undo when the
 * money went back before handover (an anomaly after), and its settlement at handover. Applying
 * it again changes nothing.
 */
export function syncAccount(a: Account, f: OrderFacts, lines: SaleLine[]): SyncOutcome {
  const moneyInAt = f.moneyInAt ?? f.recognition?.at ?? new Date(0);
  const sale = recordSale(a, { orderId: f.orderId, at: moneyInAt, notaNumber: f.notaNumber, lines });
  let account = sale.account;
  let refund: SyncOutcome['refund'] = 'none';
  let changed = sale.changed;
  if (f.refund && !f.refund.afterHandover) {
    const r = refundSale(account, { orderId: f.orderId, at: f.refund.at });
    account = r.account;
    refund = r.result;
    changed ||= r.changed;
  }
  if (f.completedAt) {
    const s = settleOrder(account, f.orderId, f.notaNumber);
    account = s.account;
    changed ||= s.changed;
  }
  if (f.refund?.afterHandover) {
    const r = refundSale(account, { orderId: f.orderId, at: f.refund.at });
    account = r.account;
    refund = r.result;
    changed ||= r.changed;
  }
  return { account, changed, saleRecorded: sale.changed, refund };
}
