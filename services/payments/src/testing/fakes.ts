import { type CooperativeRole, type Envelope, OrderPaymentRequested } from '@pasar/contracts';
import { sampleEnvelope } from '@pasar/contracts/fixtures';
import { createLogger } from '@pasar/events';
import { createTestIssuer } from '@pasar/service-kit/testing';
import Stripe from 'stripe';
import { type AppDeps, createApp } from '../app';
import { fakeConsignment } from '../consignment/testing/fakes';
import type { OrderState, Payment, PaymentStatus, Provider, Refund } from '../domain/payment';
import type {
  NotificationLog,
  NotificationRecord,
  OpenSessionInput,
  PaymentChange,
  PaymentProvider,
  PaymentRepository,
  ProviderTruth,
} from '../use-cases/ports';

/** In-memory payments with the mongo repository's contract (route, use-case and property tests). */
export class FakePayments implements PaymentRepository {
  readonly rows: Payment[] = [];
  readonly events: Envelope[] = [];
  async insert(p: Payment, events: Envelope[]) {
    if (this.rows.some((r) => r.orderId === p.orderId && r.attempt === p.attempt))
      return 'duplicate' as const;
    this.rows.push(structuredClone(p));
    this.events.push(...events);
    return 'inserted' as const;
  }
  async findById(id: string) {
    const row = this.rows.find((r) => r.paymentId === id);
    return row ? structuredClone(row) : null;
  }
  async findLatestByOrder(orderId: string) {
    const row = this.rows.filter((r) => r.orderId === orderId).sort((a, b) => b.attempt - a.attempt)[0];
    return row ? structuredClone(row) : null;
  }
  async findByProviderRef(provider: Provider, ref: string) {
    const row = this.rows.find((r) => r.provider === provider && r.providerRecord.refs.includes(ref));
    return row ? structuredClone(row) : null;
  }
  async apply(id: string, change: PaymentChange, at: Date) {
    const row = this.rows.find((r) => r.paymentId === id);
    if (!row || !change.from.includes(row.status)) return false;
    if (change.expectRefs !== undefined && row.providerRecord.refs.length !== change.expectRefs) return false;
    Object.assign(row, structuredClone(change.set ?? {}), { updatedAt: at });
    if (change.to) row.status = change.to;
    Object.assign(row.providerRecord, change.provider ?? {});
    if (change.addRef) row.providerRecord.refs.push(change.addRef);
    this.events.push(...(change.events ?? []));
    return true;
  }
  async setOrderState(orderId: string, state: OrderState) {
    for (const r of this.rows) if (r.orderId === orderId) r.orderState = state;
  }
  async listStale(statuses: readonly PaymentStatus[], before: Date, limit: number) {
    return this.rows
      .filter((r) => statuses.includes(r.status) && r.updatedAt < before)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
  async listCreatedBetween(cooperativeId: string | null, from: Date, to: Date, limit: number) {
    return this.rows
      .filter(
        (r) =>
          (!cooperativeId || r.cooperativeId === cooperativeId) && r.createdAt >= from && r.createdAt < to,
      )
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
  async listByStatus(cooperativeId: string, status: PaymentStatus, limit: number) {
    return this.rows
      .filter((r) => r.cooperativeId === cooperativeId && r.status === status)
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }
  /** Event types published so far, in order (optionally for one order). */
  types(orderId?: string): string[] {
    return this.events.filter((e) => !orderId || e.subject === orderId).map((e) => e.type);
  }
}

export class FakeNotifications implements NotificationLog {
  readonly seen = new Map<string, NotificationRecord & { settled: boolean }>();
  async record(n: NotificationRecord) {
    const prior = this.seen.get(n.key);
    if (prior) return prior.settled && prior.outcome !== 'ignored' ? ('settled' as const) : ('seen' as const);
    this.seen.set(n.key, { ...n, settled: false });
    return 'new' as const;
  }
  async settle(key: string, outcome: string, reason: string | null) {
    const prior = this.seen.get(key);
    if (prior) Object.assign(prior, { settled: true, outcome, reason });
  }
  async listUnfinished(before: Date, limit: number) {
    return [...this.seen.values()]
      .filter((n) => n.outcome === 'received' && n.receivedAt < before)
      .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())
      .slice(0, limit)
      .map(({ settled: _settled, ...n }) => structuredClone(n));
  }
}

/**
 * A Midtrans stand-in for unit and property tests only: what its status API says is set by the
 * test, refunds are deduplicated on refund_key as Midtrans does. The integration suites use the
 * real sandbox (infra/midtrans-sandbox) through midtrans-client instead.
 */
export class FakeMidtrans implements PaymentProvider {
  readonly name = 'midtrans' as const;
  readonly truths = new Map<string, ProviderTruth>();
  readonly refunds = new Map<string, { ref: string; amount: number }>();
  readonly opened: OpenSessionInput[] = [];
  readonly expired: string[] = [];
  refundable = true;
  async openSession(input: OpenSessionInput) {
    this.opened.push(input);
    return { ref: input.ref, redirectUrl: `https://sandbox.test/snap/v4/redirection/${input.ref}` };
  }
  async status(p: Payment) {
    const t = p.providerRecord.ref ? this.truths.get(p.providerRecord.ref) : undefined;
    return t ? structuredClone(t) : null;
  }
  async expire(p: Payment) {
    const ref = p.providerRecord.ref;
    const t = ref ? this.truths.get(ref) : undefined;
    if (t && t.status !== 'pending') return 'not-open' as const;
    if (ref) {
      this.expired.push(ref);
      this.set(ref, { status: 'expire', amount: p.amount });
    }
    return 'expired' as const;
  }
  async refund(p: Payment, refund: Refund) {
    if (!this.refundable) return 'not-supported' as const;
    const prior = this.refunds.get(refund.key);
    if (!prior) {
      const ref = p.providerRecord.ref ?? '';
      this.refunds.set(refund.key, { ref, amount: refund.amount });
      const t = this.truths.get(ref);
      if (t)
        Object.assign(t, {
          status: 'refund',
          refundedAmount: t.refundedAmount + refund.amount,
          refundCount: t.refundCount + 1,
        });
    }
    return { providerRefundId: `rf_${refund.key}` };
  }
  /** What the status API says from now on. */
  set(ref: string, t: Partial<ProviderTruth> & { status: string; amount: number | null }) {
    this.truths.set(ref, {
      fraudStatus: 'accept',
      transactionId: `tx_${ref}`,
      paymentType: 'qris',
      vaNumber: null,
      refundedAmount: 0,
      refundCount: 0,
      ...t,
    });
  }
}

/** Signs access tokens exactly as membership does; the fake app verifies against its keys. */
export const issuer = await createTestIssuer();

/** `Authorization` for a person holding `roles` in `cooperativeId` (no roles: a signed-in shopper). */
export async function staffHeaders(cooperativeId: string, ...roles: CooperativeRole[]) {
  const personId = `per_${cooperativeId}_${roles.join('_') || 'shopper'}`;
  const grants = roles.length > 0 ? [{ cooperativeId, roles }] : [];
  return { authorization: `Bearer ${await issuer.token({ personId, grants }, { service: 'payments' })}` };
}

export const TEST_MIDTRANS_KEY = 'SB-Mid-server-unit-test';
export const TEST_STRIPE_WEBHOOK_SECRET = 'whsec_unit_test_secret';

export function fakeApp() {
  const payments = new FakePayments();
  const notifications = new FakeNotifications();
  const midtrans = new FakeMidtrans();
  const consignment = fakeConsignment();
  const deps: AppDeps = {
    payments,
    notifications,
    providers: { midtrans },
    logger: createLogger('payments-test', 'silent'),
    onEventsWritten: () => {},
    storefrontUrl: 'http://shop.test',
    verifier: issuer.verifier('payments'),
    midtransServerKey: TEST_MIDTRANS_KEY,
    stripe: new Stripe('sk_test_123'),
    stripeWebhookSecret: TEST_STRIPE_WEBHOOK_SECRET,
    devStripeCheckout: false,
    selfUrl: 'http://payments.test',
    consignment: consignment.deps,
  };
  return { app: createApp(deps), deps, payments, notifications, midtrans, consignment: consignment.store };
}

export type Json = any;
export const json = (res: Response): Promise<Json> => res.json() as Promise<Json>;

/** The sample OrderPaymentRequested (QRIS, Rp 35.000 with its items), with overrides. */
export function paymentRequest(overrides: Record<string, unknown> = {}) {
  const cause = sampleEnvelope(OrderPaymentRequested.type, {
    ...(sampleEnvelope(OrderPaymentRequested.type).data as object),
    ...overrides,
  });
  return { cause, data: OrderPaymentRequested.data.parse(cause.data) };
}
