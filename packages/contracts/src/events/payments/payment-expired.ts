import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * The provider's transaction ran out of time unpaid (Midtrans `expire`, a Stripe Checkout
 * session that expired). Orders expires the order and catalog releases the stock.
 */
export const PaymentExpired = defineEvent(
  'pasar.payments.payment.expired',
  Topics.paymentsPayment.name,
  z.object({ orderId: OrderIdSchema, paymentId: z.string().min(1) }),
);
