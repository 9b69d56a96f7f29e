import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * A refund is owed but the provider cannot make it by API (a bank VA at Midtrans): a "manual
 * refund" task waits for a staff member, who transfers the money and marks it done with a note.
 * PaymentRefunded (`via: manual`) follows then.
 */
export const PaymentRefundPending = defineEvent(
  'pasar.payments.payment.refund-pending',
  Topics.paymentsPayment.name,
  z.object({
    orderId: OrderIdSchema,
    paymentId: z.string().min(1),
    amount: RupiahSchema,
    reason: z.enum(['order_cancelled', 'paid_after_expiry', 'paid_after_cancel']),
  }),
);
