import type { Payment } from '../domain/payment';
import { applyProviderTruth } from './apply-provider-truth';
import { now, type PaymentsDeps } from './ports';
import { followUp } from './refund-payment';
import { applyCommand } from './transitions';

export type OrderEnd = { kind: 'cancelled'; by: string } | { kind: 'expired' };

/**
 * The order was cancelled or expired (the saga's undo for payments). What no money moved on is
 * voided, and an open provider transaction is expired so it can no longer be paid; what was
 * captured is refunded exactly once. Redelivered events change nothing. If the provider says the
 * transaction was paid meanwhile, that capture is a late payment and is refunded as well.
 */
export async function endPayment(
  deps: PaymentsDeps,
  orderId: string,
  end: OrderEnd,
): Promise<Payment | null> {
  await deps.payments.setOrderState(orderId, end.kind, now(deps));
  const payment = await deps.payments.findLatestByOrder(orderId);
  if (!payment) {
    deps.logger.debug({ orderId }, 'order ended before any payment was requested');
    return null;
  }
  const wasOpen = payment.status === 'OPENING' || payment.status === 'AWAITING_PAYMENT';
  const voidReason = end.kind === 'expired' ? 'expired' : `cancelled by ${end.by}`;
  const result = await applyCommand(deps, payment.paymentId, 'orderEnded', { voidReason });
  if (!result.applied) return result.payment;
  if (result.payment.status === 'VOIDED' && wasOpen) return expireAtProvider(deps, result.payment);
  return followUp(deps, result.payment);
}

async function expireAtProvider(deps: PaymentsDeps, payment: Payment): Promise<Payment> {
  const provider = payment.provider === 'cash' ? undefined : deps.providers[payment.provider];
  if (!provider || !payment.providerRecord.ref) return payment;
  const log = deps.logger.child({ paymentId: payment.paymentId, orderId: payment.orderId });
  try {
    if ((await provider.expire(payment)) === 'expired') {
      log.info('provider transaction expired: it can no longer be paid');
      return payment;
    }
    // Not open any more: it may have been paid just now. The status says; a capture goes back.
    const truth = await provider.status(payment);
    if (truth) return (await applyProviderTruth(deps, payment, truth)).payment;
  } catch (err) {
    log.warn({ err }, 'could not expire the provider transaction; a late payment will be refunded');
  }
  return payment;
}
