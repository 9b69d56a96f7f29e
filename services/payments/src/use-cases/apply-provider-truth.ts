import { meaningOf, type MidtransStatus } from '../domain/midtrans-status';
import type { Payment, PaymentCommand } from '../domain/payment';
import type { PaymentsDeps, ProviderTruth } from './ports';
import { followUp } from './refund-payment';
import { applyCommand } from './transitions';

export type TruthOutcome =
  | { outcome: 'applied'; payment: Payment }
  | { outcome: 'unchanged'; payment: Payment }
  | { outcome: 'ignored'; reason: string; payment: Payment };

/** Stripe's states (from a signed webhook or a retrieve), in the same words as the commands. */
const STRIPE_MEANING: Record<string, PaymentCommand | 'providerRefunded' | null> = {
  paid: 'providerPaid',
  failed: 'providerFailed',
  expired: 'providerExpired',
  refunded: 'providerRefunded',
  open: null,
};

function meaning(payment: Payment, truth: ProviderTruth) {
  return payment.provider === 'midtrans'
    ? meaningOf(truth.status as MidtransStatus, truth.fraudStatus)
    : (STRIPE_MEANING[truth.status] ?? null);
}

/**
 * Acts on what the provider verifiably says of a payment (the Midtrans status API after a signed
 * notification, a signed Stripe event, a status poll). An amount that is not the order's is never
 * accepted: nothing changes and the reason is logged for reconciliation.
 */
export async function applyProviderTruth(
  deps: PaymentsDeps,
  payment: Payment,
  truth: ProviderTruth,
): Promise<TruthOutcome> {
  const log = deps.logger.child({ paymentId: payment.paymentId, orderId: payment.orderId });
  if (truth.amount !== payment.amount) {
    const reason = `amount differs: provider says ${truth.amount ?? 'a non-whole amount'}, the order costs ${payment.amount}`;
    log.error({ providerStatus: truth.status }, `provider status ignored: ${reason}`);
    return { outcome: 'ignored', reason, payment };
  }
  const provider = {
    ...(truth.transactionId ? { transactionId: truth.transactionId } : {}),
    ...(truth.paymentType ? { paymentType: truth.paymentType } : {}),
    ...(truth.vaNumber ? { vaNumber: truth.vaNumber } : {}),
  };
  const command = meaning(payment, truth);
  if (command === null) return { outcome: 'unchanged', payment };
  if (command === 'providerRefunded') {
    const done = await applyCommand(deps, payment.paymentId, 'refundMade', { provider });
    if (!done.applied)
      log.warn({ status: payment.status }, 'provider reports a refund we have no pending refund for');
    return { outcome: done.applied ? 'applied' : 'unchanged', payment: done.payment };
  }
  const result = await applyCommand(deps, payment.paymentId, command, {
    captured: truth.amount,
    failureReason: truth.status,
    provider,
  });
  const after = result.applied ? await followUp(deps, result.payment) : result.payment;
  return { outcome: result.applied ? 'applied' : 'unchanged', payment: after };
}
