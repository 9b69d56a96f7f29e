import { NotFoundError } from '@pasar/service-kit';
import { type PaymentView, toPaymentView } from '../domain/payment';
import type { PaymentsDeps } from './ports';

export async function getPaymentByOrder(deps: PaymentsDeps, orderId: string): Promise<PaymentView> {
  const payment = await deps.payments.findLatestByOrder(orderId);
  if (!payment) throw new NotFoundError('PAYMENT.NOT_FOUND', `No payment for order ${orderId}`);
  return toPaymentView(payment);
}
