import { NotFoundError } from '@pasar/service-kit';
import { type PaymentView, toPaymentView } from '../domain/payment';
import type { PaymentsDeps } from './ports';

/** The same answer for a missing payment and another cooperative's, so ids cannot be probed. */
export const paymentNotFound = (orderId: string) =>
  new NotFoundError('PAYMENT.NOT_FOUND', `No payment for order ${orderId}`);

/** The order's latest attempt, with its cooperative for the caller's access check. */
export async function getPaymentByOrder(
  deps: PaymentsDeps,
  orderId: string,
): Promise<{ cooperativeId: string; view: PaymentView }> {
  const payment = await deps.payments.findLatestByOrder(orderId);
  if (!payment) throw paymentNotFound(orderId);
  return { cooperativeId: payment.cooperativeId, view: toPaymentView(payment) };
}
