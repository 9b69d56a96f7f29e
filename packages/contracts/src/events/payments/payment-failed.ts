import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';

export const PaymentFailed = defineEvent(
  'pasar.payments.payment.failed',
  Topics.paymentsPayment.name,
  z.object({ orderId: OrderIdSchema, paymentId: z.string().min(1), reason: z.string().min(1) }),
);
