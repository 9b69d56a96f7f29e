import {
  type Envelope,
  newEvent,
  PaymentExpired,
  PaymentFailed,
  PaymentRefunded,
  PaymentRefundPending,
  PaymentSessionOpened,
  PaymentSucceeded,
} from '@pasar/contracts';
import { type AuditActor, auditEvent } from '@pasar/service-kit';
import { type Decision, decide, type Payment, type PaymentCommand, type Refund } from '../domain/payment';
import { EVENT_SOURCE, now, type PaymentChange, type PaymentsDeps } from './ports';

/** Extra facts a command carries (what the provider said, who did a staff action). */
export interface CommandFacts {
  failureReason?: string;
  voidReason?: string;
  /** The amount the provider captured (whole rupiah), checked against the order before this call. */
  captured?: number;
  provider?: PaymentChange['provider'];
  providerRefundId?: string;
  doneBy?: string;
  note?: string;
  /** Who acted, for the audit trail: a staff member's principal, or the provider ('system'). */
  actor?: AuditActor;
}

export interface Outcome {
  applied: boolean;
  payment: Payment;
  decision: Decision | null;
}

const MAX_RACES = 5;

function eventFor(p: Payment, d: Decision, refund: Refund | null): Envelope[] {
  const ctx = { source: EVENT_SOURCE, cooperativeId: p.cooperativeId, correlationId: p.correlationId };
  const ids = { orderId: p.orderId, paymentId: p.paymentId };
  switch (d.emits) {
    case 'session-opened':
      return [
        newEvent(
          PaymentSessionOpened,
          p.orderId,
          {
            ...ids,
            provider: p.provider,
            paymentMethod: p.paymentMethod,
            amount: p.amount,
            redirectUrl: p.providerRecord.redirectUrl,
          },
          ctx,
        ),
      ];
    case 'succeeded':
      return [newEvent(PaymentSucceeded, p.orderId, { ...ids, amount: p.amount }, ctx)];
    case 'failed':
      return [newEvent(PaymentFailed, p.orderId, { ...ids, reason: p.failureReason ?? 'failed' }, ctx)];
    case 'expired':
      return [newEvent(PaymentExpired, p.orderId, ids, ctx)];
    case 'refund-pending':
      if (!refund) throw new Error('a refund-pending transition needs its refund');
      return [
        newEvent(
          PaymentRefundPending,
          p.orderId,
          { ...ids, amount: refund.amount, reason: refund.reason },
          ctx,
        ),
      ];
    case 'refunded':
      if (!refund) throw new Error('a refunded transition needs its refund');
      return [
        newEvent(
          PaymentRefunded,
          p.orderId,
          {
            ...ids,
            amount: refund.amount,
            refundId: refund.providerRefundId ?? refund.key,
            via: d.command === 'manualRefundDone' ? 'manual' : 'provider',
            reason: refund.reason,
          },
          ctx,
        ),
      ];
    default:
      return [];
  }
}

/** Money that moves is audited: the capture, and the refund (by the provider or by a staff member). */
function auditFor(next: Payment, before: Payment, d: Decision, facts: CommandFacts, at: Date): Envelope[] {
  const action =
    d.to === 'PAID' || d.to === 'COLLECTED'
      ? 'payments.payment.captured'
      : d.to === 'REFUNDED'
        ? 'payments.payment.refunded'
        : d.to === 'MANUAL_REFUND'
          ? 'payments.refund.assigned-to-staff'
          : null;
  if (!action) return [];
  return [
    auditEvent({
      cooperativeId: next.cooperativeId,
      principal: facts.actor ?? 'system',
      action,
      target: { type: 'payment', id: next.paymentId },
      before: { status: before.status, captured: before.captured, refunded: before.refunded },
      after: {
        status: next.status,
        orderId: next.orderId,
        captured: next.captured,
        refunded: next.refunded,
        ...(facts.note ? { note: facts.note } : {}),
      },
      at,
      correlationId: next.correlationId,
    }),
  ];
}

/** The fields a decision writes, besides the status. */
function changeFor(p: Payment, d: Decision, facts: CommandFacts, at: Date): PaymentChange {
  const set: NonNullable<PaymentChange['set']> = {};
  let refund = p.refund;
  if (d.command === 'providerPaid') set.captured = facts.captured ?? p.amount;
  if (d.command === 'cashCollected') set.captured = p.amount;
  if (d.command === 'providerFailed') set.failureReason = facts.failureReason ?? 'failed';
  if (d.to === 'VOIDED') set.voidReason = facts.voidReason ?? 'cancelled';
  if (d.refundReason) {
    // One refund per payment, its key fixed now: every retry (and every provider) sees the same key.
    refund = {
      key: `${p.paymentId}-refund`,
      amount: d.command === 'providerPaid' ? (facts.captured ?? p.amount) : p.captured,
      reason: d.refundReason,
      providerRefundId: null,
      doneBy: null,
      note: null,
      requestedAt: at,
      doneAt: null,
    };
    if (d.command === 'providerPaid') set.captured = facts.captured ?? p.amount;
    if (d.command === 'cashCollected') set.captured = p.amount;
    set.refund = refund;
  }
  if (d.to === 'REFUNDED' && refund) {
    refund = {
      ...refund,
      providerRefundId: facts.providerRefundId ?? refund.providerRefundId,
      doneBy: facts.doneBy ?? null,
      note: facts.note ?? null,
      doneAt: at,
    };
    set.refund = refund;
    set.refunded = refund.amount;
  }
  const next: Payment = {
    ...p,
    ...set,
    status: d.to,
    providerRecord: { ...p.providerRecord, ...(facts.provider ?? {}) },
  };
  return {
    from: d.from,
    to: d.to,
    set,
    ...(facts.provider ? { provider: facts.provider } : {}),
    events: [...eventFor(next, d, refund), ...auditFor(next, p, d, facts, at)],
  };
}

/**
 * Applies a command to a payment with a guarded write (status in `decision.from`), its events in
 * the same write. When another writer moved the payment first, it re-reads and decides again, so
 * concurrent notifications, redeliveries and staff actions settle on one outcome.
 */
export async function applyCommand(
  deps: PaymentsDeps,
  paymentId: string,
  command: PaymentCommand,
  facts: CommandFacts = {},
): Promise<Outcome> {
  for (let race = 0; race < MAX_RACES; race++) {
    const payment = await deps.payments.findById(paymentId);
    if (!payment) throw new Error(`payment ${paymentId} vanished`);
    const decision = decide(payment, command);
    if (!decision) return { applied: false, payment, decision: null };
    const at = now(deps);
    const change = changeFor(payment, decision, facts, at);
    if (await deps.payments.apply(paymentId, change, at)) {
      if (change.events?.length) deps.onEventsWritten(paymentId);
      // What the guarded write made of it, without reading it back (one database round trip less).
      const after: Payment = {
        ...payment,
        ...change.set,
        status: decision.to,
        updatedAt: at,
        providerRecord: { ...payment.providerRecord, ...(change.provider ?? {}) },
      };
      deps.logger.info(
        { paymentId, orderId: payment.orderId, command, from: payment.status, to: decision.to },
        'payment moved',
      );
      return { applied: true, payment: after, decision };
    }
  }
  throw new Error(`payment ${paymentId}: ${command} lost ${MAX_RACES} races in a row`);
}
