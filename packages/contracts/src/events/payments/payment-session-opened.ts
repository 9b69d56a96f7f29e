import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/** A payment attempt exists for the order: a provider session, or cash to collect at the outlet. */
export const PaymentSessionOpened = defineEvent(
  'pasar.payments.payment.session-opened',
  Topics.paymentsPayment.name,
  z.object({
    orderId: OrderIdSchema,
    paymentId: z.string().min(1),
    provider: z.enum(['cash', 'midtrans', 'stripe']),
    paymentMethod: PaymentMethodSchema,
    amount: RupiahSchema,
    redirectUrl: z.string().nullable(),
  }),
);
