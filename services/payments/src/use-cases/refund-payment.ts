import type { Payment } from '../domain/payment';
import type { PaymentsDeps } from './ports';
import { applyCommand } from './transitions';

/**
 * Makes the refund a payment owes (REFUND_PENDING) at its provider, with the refund's fixed
 * idempotency key: a retry after a crash or a redelivered cancellation asks again with the same key
 * and the provider answers with the same refund, so the money goes back exactly once. A provider
 * that cannot refund by API (a bank VA at Midtrans) turns it into a manual refund task for staff.
 * A provider error leaves it REFUND_PENDING for the sweeper to try again.
 */
export async function makeOwedRefund(deps: PaymentsDeps, payment: Payment): Promise<Payment> {
  if (payment.status !== 'REFUND_PENDING' || !payment.refund) return payment;
  const log = deps.logger.child({ paymentId: payment.paymentId, orderId: payment.orderId });
  const provider = payment.provider === 'cash' ? undefined : deps.providers[payment.provider];
  if (!provider) {
    log.warn('no provider adapter to refund through; a staff member refunds by hand');
    return (await applyCommand(deps, payment.paymentId, 'refundNeedsStaff')).payment;
  }
  const result = await provider.refund(payment, payment.refund);
  if (result === 'not-supported') {
    log.info(
      { paymentType: payment.providerRecord.paymentType },
      'provider cannot refund this method by API: manual refund task',
    );
    return (await applyCommand(deps, payment.paymentId, 'refundNeedsStaff')).payment;
  }
  log.info({ amount: payment.refund.amount, reason: payment.refund.reason }, 'refund made at the provider');
  return (
    await applyCommand(deps, payment.paymentId, 'refundMade', { providerRefundId: result.providerRefundId })
  ).payment;
}

/** After a transition: a refund owed is made now (best effort; the sweeper retries what fails). */
export async function followUp(deps: PaymentsDeps, payment: Payment): Promise<Payment> {
  if (payment.status !== 'REFUND_PENDING') return payment;
  try {
    return await makeOwedRefund(deps, payment);
  } catch (err) {
    deps.logger.warn({ err, paymentId: payment.paymentId }, 'refund failed for now; the sweeper retries it');
    return payment;
  }
}
