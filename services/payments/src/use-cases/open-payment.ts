import { randomId } from '@pasar/service-kit';
import {
  causedBy,
  type Envelope,
  newEvent,
  type OrderPaymentRequested,
  PaymentSessionOpened,
} from '@pasar/contracts';
import type { DataOf } from '@pasar/contracts';
import { type Payment, planPayment } from '../domain/payment';
import { EVENT_SOURCE, now, type PaymentsDeps } from './ports';

export type PaymentRequest = DataOf<typeof OrderPaymentRequested>;

/** This issue opens only the first attempt of an order; retries bring their own attempt number. */
const FIRST_ATTEMPT = 1;

/**
 * Orders asked for payment. Records the attempt idempotently (unique orderId+attempt): cash is
 * pending collection and PaymentSessionOpened goes out in the same write; an online method waits
 * for its provider and says so in the log. A redelivered request is a no-op.
 */
export async function openPayment(
  deps: PaymentsDeps,
  request: PaymentRequest,
  cause: Envelope,
): Promise<Payment | null> {
  const plan = planPayment(request.paymentMethod);
  const at = now(deps);
  const payment: Payment = {
    paymentId: randomId('pay'),
    orderId: request.orderId,
    attempt: FIRST_ATTEMPT,
    cooperativeId: cause.cooperativeid,
    provider: plan.provider,
    paymentMethod: request.paymentMethod,
    amount: request.amount,
    status: plan.status,
    expiresAt: new Date(request.expiresAt),
    createdAt: at,
    updatedAt: at,
    voidReason: null,
  };
  const events =
    plan.status === 'PENDING_COLLECTION'
      ? [
          newEvent(
            PaymentSessionOpened,
            payment.orderId,
            {
              orderId: payment.orderId,
              paymentId: payment.paymentId,
              provider: 'cash',
              paymentMethod: payment.paymentMethod,
              amount: payment.amount,
              redirectUrl: null,
            },
            causedBy(cause, EVENT_SOURCE),
          ),
        ]
      : [];
  const log = deps.logger.child({ orderId: payment.orderId, causationId: cause.id });
  if ((await deps.payments.insert(payment, events)) === 'duplicate') {
    log.info('payment already requested for this order; nothing to do');
    return null;
  }
  if (events.length > 0) deps.onEventsWritten(payment.paymentId);
  if (plan.status === 'AWAITING_PROVIDER') {
    log.warn(
      { paymentId: payment.paymentId, paymentMethod: payment.paymentMethod, provider: plan.provider },
      'no payment provider is configured yet for this method; the payment waits (nothing was charged)',
    );
  } else {
    log.info(
      { paymentId: payment.paymentId, provider: plan.provider, amount: payment.amount },
      'payment opened',
    );
  }
  return payment;
}
