import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/** The provider confirmed the money (verified webhook + status API), or cash was collected. */
export const PaymentSucceeded = defineEvent(
  'pasar.payments.payment.succeeded',
  Topics.paymentsPayment.name,
  z.object({ orderId: OrderIdSchema, paymentId: z.string().min(1), amount: RupiahSchema }),
);
