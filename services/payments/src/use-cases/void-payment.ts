import { now, type PaymentsDeps } from './ports';

/**
 * Compensation for a cancelled or expired order: a payment where no money moved is voided.
 * Guarded by status, so a redelivered cancellation (or one for an unpaid order) is a no-op.
 * Captured online payments will be refunded instead (online-payments issue).
 */
export async function voidPayment(deps: PaymentsDeps, orderId: string, reason: string): Promise<number> {
  const voided = await deps.payments.voidOpen(orderId, reason, now(deps));
  if (voided > 0) deps.logger.info({ orderId, reason, voided }, 'payment voided');
  else deps.logger.debug({ orderId, reason }, 'nothing to void for this order');
  return voided;
}
