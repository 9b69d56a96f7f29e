import type { PaymentMethod } from '@pasar/contracts';
import { DomainError } from '@pasar/service-kit';

/**
 * The life of one payment attempt.
 * - PENDING_COLLECTION: cash to collect at pickup or delivery ("bayar di tempat").
 * - COLLECTED: the kasir (or courier) took the cash at handover (OrderCompleted).
 * - OPENING: an online attempt is recorded; its provider session (Snap / Stripe Checkout) is being opened.
 * - AWAITING_PAYMENT: the hosted page is open; the shopper has not paid yet.
 * - PAID: the provider captured the money (a verified notification the status API agreed with).
 * - FAILED / EXPIRED: the provider refused it, or its time ran out; nothing was captured.
 * - VOIDED: the order was cancelled or expired before any money moved.
 * - REFUND_PENDING: captured money is owed back and the provider refund is being made.
 * - MANUAL_REFUND: owed back, but the provider cannot refund by API (bank VA): a staff task.
 * - REFUNDED: the money went back, exactly once.
 */
export const PAYMENT_STATUSES = [
  'PENDING_COLLECTION',
  'COLLECTED',
  'OPENING',
  'AWAITING_PAYMENT',
  'PAID',
  'FAILED',
  'EXPIRED',
  'VOIDED',
  'REFUND_PENDING',
  'MANUAL_REFUND',
  'REFUNDED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type Provider = 'cash' | 'midtrans' | 'stripe';

export type RefundReason = 'order_cancelled' | 'paid_after_expiry' | 'paid_after_cancel';

/** What the provider's side knows of the attempt (references only; never card data). */
export interface ProviderRecord {
  /** Our reference at the provider: Midtrans `order_id`, or the Stripe Checkout session id. */
  ref: string | null;
  /** Every reference ever used for this attempt (a session re-opened after a crash gets a new one). */
  refs: string[];
  redirectUrl: string | null;
  /** Midtrans `transaction_id` / Stripe PaymentIntent id, once the shopper paid or chose a method. */
  transactionId: string | null;
  /** Midtrans `payment_type` (qris, gopay, shopeepay, bank_transfer) or `card`. */
  paymentType: string | null;
  /** The bank VA number shown to the shopper, when the method is a VA. */
  vaNumber: string | null;
}

export interface Refund {
  /** The idempotency key of the refund (Midtrans `refund_key`, Stripe Idempotency-Key): one per payment. */
  key: string;
  amount: number;
  reason: RefundReason;
  providerRefundId: string | null;
  /** A manual refund: who marked it done and what they wrote. */
  doneBy: string | null;
  note: string | null;
  requestedAt: Date;
  doneAt: Date | null;
}

/** What payments learnt of the order from its events (for reconciliation). */
export type OrderState = 'awaiting' | 'paid' | 'cancelled' | 'expired';

export interface Payment {
  paymentId: string;
  orderId: string;
  /** 1 for the first attempt of an order. */
  attempt: number;
  cooperativeId: string;
  provider: Provider;
  paymentMethod: PaymentMethod;
  /** Whole rupiah the order costs. */
  amount: number;
  /** Whole rupiah the provider captured (0 until PAID). */
  captured: number;
  /** Whole rupiah given back (0 until REFUNDED). */
  refunded: number;
  status: PaymentStatus;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  voidReason: string | null;
  failureReason: string | null;
  providerRecord: ProviderRecord;
  refund: Refund | null;
  orderState: OrderState;
  /** The order's correlation id: every event about this payment carries it. */
  correlationId: string;
}

/**
 * What can happen to a payment. `provider*` commands come from a verified provider status (the
 * Midtrans status API, or a signed Stripe webhook); `orderEnded` from OrderCancelled/OrderExpired;
 * the refund commands from the provider's answer to our refund call or from a staff member.
 */
export type PaymentCommand =
  | 'sessionOpened'
  | 'cashCollected'
  | 'providerPaid'
  | 'providerFailed'
  | 'providerExpired'
  | 'orderEnded'
  | 'refundMade'
  | 'refundNeedsStaff'
  | 'manualRefundDone';

export const PAYMENT_COMMANDS: readonly PaymentCommand[] = [
  'sessionOpened',
  'cashCollected',
  'providerPaid',
  'providerFailed',
  'providerExpired',
  'orderEnded',
  'refundMade',
  'refundNeedsStaff',
  'manualRefundDone',
];

/** Waiting for the shopper: nothing captured, the provider session may still be paid. */
const OPEN: readonly PaymentStatus[] = ['OPENING', 'AWAITING_PAYMENT'];
/** Ended without capture: money arriving now is a late payment and goes back. */
const ENDED_UNPAID: readonly PaymentStatus[] = ['VOIDED', 'EXPIRED', 'FAILED'];
/** Money was captured (and may be on its way back). */
export const CAPTURED: readonly PaymentStatus[] = ['PAID', 'REFUND_PENDING', 'MANUAL_REFUND', 'REFUNDED'];

export interface Decision {
  command: PaymentCommand;
  /** The guard of the single-document update. */
  from: readonly PaymentStatus[];
  to: PaymentStatus;
  /** The event this transition publishes with its write. */
  emits: 'session-opened' | 'succeeded' | 'failed' | 'expired' | 'refunded' | 'refund-pending' | null;
  /** Set when the transition opens a refund (capture on an order that is over, or a cancelled paid order). */
  refundReason?: RefundReason;
}

type Rule = (p: Pick<Payment, 'status' | 'provider' | 'voidReason'>) => Omit<Decision, 'command'> | null;

const move =
  (from: readonly PaymentStatus[], to: PaymentStatus, emits: Decision['emits']): Rule =>
  (p) =>
    from.includes(p.status) ? { from, to, emits } : null;

/** Money that arrives for an order that is already over: never kept, always refunded. */
function lateRefundReason(p: Pick<Payment, 'status' | 'voidReason'>): RefundReason {
  if (p.status === 'EXPIRED') return 'paid_after_expiry';
  if (p.status === 'VOIDED' && p.voidReason === 'expired') return 'paid_after_expiry';
  return 'paid_after_cancel';
}

/**
 * The state machine, one rule per command. `null` means "nothing to do": a duplicate, a stale or
 * out-of-order message, or a command that does not apply in this state. Never two captures
 * (providerPaid moves from OPEN only, or opens a refund from ENDED_UNPAID), and never a refund
 * without a capture (REFUND_PENDING is reachable only from PAID or with the capture itself).
 */
const RULES: Record<PaymentCommand, Rule> = {
  sessionOpened: move(['OPENING'], 'AWAITING_PAYMENT', 'session-opened'),
  // The money is in the till: PaymentSucceeded tells the books (orders ignores it for a completed order).
  cashCollected: move(['PENDING_COLLECTION'], 'COLLECTED', 'succeeded'),
  providerPaid: (p) => {
    if (OPEN.includes(p.status)) return { from: OPEN, to: 'PAID', emits: 'succeeded' };
    if (ENDED_UNPAID.includes(p.status))
      return {
        from: [p.status],
        to: 'REFUND_PENDING',
        emits: null,
        refundReason: lateRefundReason(p),
      };
    return null;
  },
  providerFailed: move(OPEN, 'FAILED', 'failed'),
  providerExpired: move(OPEN, 'EXPIRED', 'expired'),
  orderEnded: (p) => {
    if (p.status === 'PENDING_COLLECTION' || OPEN.includes(p.status))
      return { from: ['PENDING_COLLECTION', ...OPEN], to: 'VOIDED', emits: null };
    if (p.status === 'PAID')
      return { from: ['PAID'], to: 'REFUND_PENDING', emits: null, refundReason: 'order_cancelled' };
    return null;
  },
  refundMade: move(['REFUND_PENDING'], 'REFUNDED', 'refunded'),
  refundNeedsStaff: move(['REFUND_PENDING'], 'MANUAL_REFUND', 'refund-pending'),
  manualRefundDone: move(['MANUAL_REFUND'], 'REFUNDED', 'refunded'),
};

/** Decides what a command does to a payment; null when it changes nothing. Pure. */
export function decide(
  payment: Pick<Payment, 'status' | 'provider' | 'voidReason'>,
  command: PaymentCommand,
): Decision | null {
  const d = RULES[command](payment);
  return d ? { command, ...d } : null;
}

/** Like decide(), for staff actions: a refusal is a 409 naming the state. */
export function decideOrRefuse(
  payment: Pick<Payment, 'status' | 'provider' | 'voidReason'>,
  command: PaymentCommand,
): Decision {
  const d = decide(payment, command);
  if (!d)
    throw new DomainError(
      'PAYMENT.INVALID_TRANSITION',
      `Cannot ${command} a payment that is ${payment.status}`,
      409,
      {
        status: payment.status,
        command,
      },
    );
  return d;
}

/** QRIS, e-wallets and VA go through Midtrans; cards through Stripe; cash is collected by staff. */
export const PROVIDER_OF: Record<PaymentMethod, Provider> = {
  cash: 'cash',
  qris: 'midtrans',
  gopay: 'midtrans',
  shopeepay: 'midtrans',
  bank_transfer: 'midtrans',
  card: 'stripe',
};

/** How a requested payment starts: cash is pending collection at once; online opens a session. */
export function initialStatus(method: PaymentMethod): PaymentStatus {
  return PROVIDER_OF[method] === 'cash' ? 'PENDING_COLLECTION' : 'OPENING';
}

/** Statuses in which no money has moved, so cancelling the order just voids the attempt. */
export const VOIDABLE_STATUSES: readonly PaymentStatus[] = ['PENDING_COLLECTION', ...OPEN];

export const emptyProviderRecord = (): ProviderRecord => ({
  ref: null,
  refs: [],
  redirectUrl: null,
  transactionId: null,
  paymentType: null,
  vaNumber: null,
});

export interface PaymentView {
  orderId: string;
  paymentId: string;
  attempt: number;
  provider: Provider;
  paymentMethod: PaymentMethod;
  amount: number;
  captured: number;
  refunded: number;
  status: PaymentStatus;
  failureReason: string | null;
  vaNumber: string | null;
  refund: {
    amount: number;
    reason: RefundReason;
    note: string | null;
    requestedAt: string;
    doneAt: string | null;
  } | null;
  createdAt: string;
}

export function toPaymentView(p: Payment): PaymentView {
  return {
    orderId: p.orderId,
    paymentId: p.paymentId,
    attempt: p.attempt,
    provider: p.provider,
    paymentMethod: p.paymentMethod,
    amount: p.amount,
    captured: p.captured,
    refunded: p.refunded,
    status: p.status,
    failureReason: p.failureReason,
    vaNumber: p.providerRecord.vaNumber,
    refund: p.refund
      ? {
          amount: p.refund.amount,
          reason: p.refund.reason,
          note: p.refund.note,
          requestedAt: p.refund.requestedAt.toISOString(),
          doneAt: p.refund.doneAt?.toISOString() ?? null,
        }
      : null,
    createdAt: p.createdAt.toISOString(),
  };
}
