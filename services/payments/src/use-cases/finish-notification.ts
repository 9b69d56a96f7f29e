import { applyProviderTruth } from './apply-provider-truth';
import type { NotificationRecord, PaymentsDeps } from './ports';

export type FinishOutcome = 'applied' | 'unchanged' | 'ignored';

/**
 * Finishes a provider notification whose handling never did: payments died between recording it
 * and acting on it, or the status API failed until the provider stopped resending. Without this a
 * paid order would wait for the payment's deadline poll. The notification's own words are not
 * stored and not needed: the provider's status API is the truth, as it is for every notification.
 * A status API error throws and leaves the notification unfinished for the next sweep.
 */
export async function finishNotification(deps: PaymentsDeps, n: NotificationRecord): Promise<FinishOutcome> {
  const settle = async (outcome: FinishOutcome, reason: string) => {
    await deps.notifications.settle(n.key, outcome, reason);
    return outcome;
  };
  const payment = await deps.payments.findByProviderRef(n.provider, n.ref);
  if (!payment) return settle('ignored', 'no payment uses this reference');
  const provider = payment.provider === 'cash' ? undefined : deps.providers[payment.provider];
  if (!provider) return settle('ignored', `${payment.provider} is not configured here`);
  const truth = await provider.status(payment);
  if (!truth) return settle('ignored', 'the status API does not know this transaction');
  const applied = await applyProviderTruth(deps, payment, truth);
  deps.logger.info(
    { paymentId: payment.paymentId, orderId: payment.orderId, providerStatus: truth.status },
    `unfinished ${n.provider} notification finished by the sweeper: ${applied.outcome}`,
  );
  if (applied.outcome === 'ignored') return settle('ignored', applied.reason);
  return settle(applied.outcome, 'finished by the sweeper: its first handling was interrupted');
}
