import type {
  ConsignmentPayoutRecorded,
  EventOf,
  OrderCompleted,
  PaymentRefunded,
  PaymentSucceeded,
  SavingsDeposited,
  SavingsWithdrawn,
} from '@pasar/contracts';
import type { BusinessEvent } from '../domain/business-event';

/** What every mapped event shares: the source event id (one entry per id), cooperative and time. */
const base = (e: { id: string; cooperativeid: string; time: string }) => ({
  eventId: e.id,
  cooperativeId: e.cooperativeid,
  occurredAt: new Date(e.time).toISOString(),
});

/** Money captured online: it sits with the provider as the shopper's prepayment until handover. */
export function onlineCapture(e: EventOf<typeof PaymentSucceeded>): BusinessEvent {
  return { ...base(e), type: 'online_payment_captured', orderId: e.data.orderId, amount: e.data.amount };
}

/**
 * A refund. `order_cancelled` gives back a prepayment the books hold (a paid order cancelled before
 * handover); `paid_after_*` money arrived after the order ended, was never booked as a prepayment
 * (payments emitted no PaymentSucceeded for it) and went straight back.
 */
export function refund(e: EventOf<typeof PaymentRefunded>): BusinessEvent {
  return {
    ...base(e),
    type: 'refund',
    orderId: e.data.orderId,
    amount: e.data.amount,
    via: e.data.via,
    captured: e.data.reason === 'order_cancelled',
  };
}

export class InconsistentEvent extends Error {}

/**
 * Goods handed over: the sale, every line as the cooperative's own goods. Lines a consignment
 * seller left (payments' consignment module says which, with the commission) are moved out by the
 * consignment split (book-consignment.ts). The delivery fee is what the total holds beyond the
 * lines (orders: total = Σ lines + delivery fee).
 */
export function handover(e: EventOf<typeof OrderCompleted>): BusinessEvent {
  const ownGoods = e.data.lines.reduce((s, l) => s + l.lineTotal, 0);
  const deliveryFee = e.data.total - ownGoods;
  if (deliveryFee < 0)
    throw new InconsistentEvent(`order ${e.data.orderId}: total ${e.data.total} is less than its lines`);
  return {
    ...base(e),
    type: 'order_handed_over',
    orderId: e.data.orderId,
    paymentMethod: e.data.paymentMethod === 'cash' ? 'cash' : 'online',
    ownGoods,
    consignmentGross: 0,
    commission: 0,
    deliveryFee,
  };
}

/** The bendahara paid a consignment seller: what the cooperative owed them goes down. */
export function sellerPayout(e: EventOf<typeof ConsignmentPayoutRecorded>): BusinessEvent {
  const d = e.data;
  return { ...base(e), type: 'seller_payout', sellerId: d.sellerId, amount: d.amount, method: d.method };
}

/**
 * A savings movement happened when the money changed hands: the receipt's date (`receivedAt`, a
 * paper bukti setor entered days later) when it carries one, else the event's time. The books put
 * it in that month (or, closed, the first open one after it, marked late).
 */
const savingsBase = (e: EventOf<typeof SavingsDeposited> | EventOf<typeof SavingsWithdrawn>) => ({
  ...base(e),
  ...(e.data.receivedAt ? { occurredAt: new Date(e.data.receivedAt).toISOString() } : {}),
});

export function savingsDeposit(e: EventOf<typeof SavingsDeposited>): BusinessEvent {
  const d = e.data;
  return {
    ...savingsBase(e),
    type: 'savings_deposit',
    memberId: d.memberId,
    kind: d.kind,
    amount: d.amount,
    method: d.method,
  };
}

export function savingsWithdrawal(e: EventOf<typeof SavingsWithdrawn>): BusinessEvent {
  const d = e.data;
  return {
    ...savingsBase(e),
    type: 'savings_withdrawal',
    memberId: d.memberId,
    amount: d.amount,
    method: d.method,
  };
}
