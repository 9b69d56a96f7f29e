import { writeSync } from 'node:fs';
import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { OrderState, Payment, PaymentStatus, Provider, ProviderRecord, Refund } from '../domain/payment';

/** A change to one payment, written in one guarded single-document update with its events. */
export interface PaymentChange {
  from: readonly PaymentStatus[];
  to?: PaymentStatus;
  set?: Partial<Pick<Payment, 'captured' | 'refunded' | 'failureReason' | 'voidReason' | 'refund'>>;
  provider?: Partial<ProviderRecord>;
  /** A reference to add to `providerRecord.refs`. */
  addRef?: string;
  /** Guard: applied only while `providerRecord.refs` holds exactly this many references. */
  expectRefs?: number;
  events?: Envelope[];
}

export interface PaymentRepository {
  /** Inserts the attempt with its events in one write; 'duplicate' when orderId+attempt exists. */
  insert(p: Payment, events: Envelope[]): Promise<'inserted' | 'duplicate'>;
  findById(paymentId: string): Promise<Payment | null>;
  /** The order's latest attempt. */
  findLatestByOrder(orderId: string): Promise<Payment | null>;
  /** The attempt that used this provider reference (Midtrans order_id, Stripe session id). */
  findByProviderRef(provider: Provider, ref: string): Promise<Payment | null>;
  /** Guarded update: applied only while the status is in `change.from`; false when it was not. */
  apply(paymentId: string, change: PaymentChange, at: Date): Promise<boolean>;
  /** Records what payments learnt of the order (OrderConfirmed / Cancelled / Expired). */
  setOrderState(orderId: string, state: OrderState, at: Date): Promise<void>;
  /** Attempts in these statuses last changed before `before` (the sweeper's work list). */
  listStale(statuses: readonly PaymentStatus[], before: Date, limit: number): Promise<Payment[]>;
  /** A cooperative's attempts created in [from, to), oldest first. */
  listCreatedBetween(cooperativeId: string | null, from: Date, to: Date, limit: number): Promise<Payment[]>;
  /** A cooperative's attempts in a status, oldest change first (e.g. the manual refund tasks). */
  listByStatus(cooperativeId: string, status: PaymentStatus, limit: number): Promise<Payment[]>;
}

/** One provider message, deduplicated on (order, transaction, status) before it is acted on. */
export interface NotificationRecord {
  key: string;
  provider: Provider;
  ref: string;
  status: string;
  outcome: string;
  reason: string | null;
  receivedAt: Date;
}

export interface NotificationLog {
  /**
   * 'new' the first time this key is seen; 'seen' when it was received before but its handling
   * never finished (a crash: handle it again, the state machine makes that safe); 'settled' when
   * it was acted on (a duplicate: nothing to do). An ignored one is 'seen': it is judged again.
   */
  record(n: NotificationRecord): Promise<'new' | 'seen' | 'settled'>;
  /** Marks a recorded notification handled, with what came of it. */
  settle(key: string, outcome: string, reason: string | null): Promise<void>;
  /**
   * Notifications received before `before` whose handling never finished (still 'received': the
   * process died mid-way, or the status API failed and the provider gave up resending), oldest first.
   */
  listUnfinished(before: Date, limit: number): Promise<NotificationRecord[]>;
}

/** What a provider says of a transaction when asked (Midtrans status API, Stripe retrieve). */
export interface ProviderTruth {
  /** The provider's own status word (Midtrans transaction_status, or Stripe's session/payment state). */
  status: string;
  fraudStatus: string | null;
  /** Whole rupiah, or null when the provider's amount is not whole rupiah. */
  amount: number | null;
  transactionId: string | null;
  paymentType: string | null;
  vaNumber: string | null;
  /** Whole rupiah refunded so far, and how many refunds the provider made. */
  refundedAmount: number;
  refundCount: number;
}

export interface OpenedSession {
  ref: string;
  redirectUrl: string;
}

export interface OpenSessionInput {
  payment: Payment;
  /** A fresh provider reference for this try (never reused: the provider refuses a used one). */
  ref: string;
  items: { id: string; name: string; unitPrice: number; quantity: number }[];
}

/** One port per online provider: Midtrans (Snap + Core API) and Stripe (Checkout). */
export interface PaymentProvider {
  readonly name: Exclude<Provider, 'cash'>;
  openSession(input: OpenSessionInput): Promise<OpenedSession>;
  /** The provider's truth about the transaction, or null when it does not know it (yet). */
  status(payment: Payment): Promise<ProviderTruth | null>;
  /** Ends an unpaid transaction; 'not-open' when it is not (e.g. it was paid meanwhile). */
  expire(payment: Payment): Promise<'expired' | 'not-open'>;
  /** Refunds the captured amount with the refund's idempotency key; 'not-supported' for bank VA. */
  refund(payment: Payment, refund: Refund): Promise<{ providerRefundId: string } | 'not-supported'>;
}

export interface PaymentsDeps {
  payments: PaymentRepository;
  notifications: NotificationLog;
  providers: Partial<Record<Exclude<Provider, 'cash'>, PaymentProvider>>;
  logger: Logger;
  /** Called after a write that stored events on a payment: the relay publishes them at once. */
  onEventsWritten: (paymentId: string) => void;
  /** Where the shopper comes back to after the hosted page: `${STOREFRONT_URL}/pesanan/<orderId>`. */
  storefrontUrl: string;
  /**
   * Fault injection for the chaos suite only (never set in production): the named step kills the
   * process with SIGKILL, so a test can prove what survives a crash there.
   */
  crashAt?: string;
  clock?: () => Date;
}

export const EVENT_SOURCE = 'urn:pasar:payments';

export function now(deps: Pick<PaymentsDeps, 'clock'>): Date {
  return deps.clock?.() ?? new Date();
}

/** The chaos suite's crash points (PAYMENTS_CRASH_AT); a no-op unless that one is set. */
export function crashPoint(deps: Pick<PaymentsDeps, 'crashAt' | 'logger'>, point: string): void {
  if (deps.crashAt !== point) return;
  deps.logger.warn({ point }, 'PAYMENTS_CRASH_AT reached: killing the process (chaos test)');
  // Also straight to stderr, synchronously: a line still queued in the logger's stream dies with
  // the SIGKILL, and the chaos test looks for this one (it once found only the lines before it).
  writeSync(2, `PAYMENTS_CRASH_AT reached at ${point}: killing the process\n`);
  process.kill(process.pid, 'SIGKILL');
}
