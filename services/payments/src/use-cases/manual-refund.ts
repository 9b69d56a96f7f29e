import { NotFoundError, type Principal } from '@pasar/service-kit';
import type { Payment } from '../domain/payment';
import { decideOrRefuse } from '../domain/payment';
import type { PaymentsDeps } from './ports';
import { applyCommand } from './transitions';

/** A missing payment and another cooperative's answer alike. */
export const refundNotFound = (paymentId: string) =>
  new NotFoundError('PAYMENT.NOT_FOUND', `No payment ${paymentId}`);

/**
 * A staff member transferred an owed refund by hand (e.g. to the shopper's bank account, for a VA
 * payment Midtrans cannot refund) and marks the task done with a note. Once only: a second click,
 * or two staff at once, answers 409 and publishes nothing more.
 */
export async function markManualRefundDone(
  deps: PaymentsDeps,
  by: Principal,
  payment: Payment,
  note: string,
): Promise<Payment> {
  decideOrRefuse(payment, 'manualRefundDone');
  const result = await applyCommand(deps, payment.paymentId, 'manualRefundDone', {
    doneBy: by.personId,
    note,
    actor: by,
  });
  if (!result.applied) decideOrRefuse(result.payment, 'manualRefundDone');
  return result.payment;
}
