import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * Money captured for an order went back to the shopper, exactly once per payment: by the
 * provider's refund API (`provider`), or by a staff member who transferred it by hand and marked
 * the manual refund task done (`manual`, e.g. a bank VA that Midtrans cannot refund by API).
 * `reason` says why: the order was cancelled, or the payment arrived after the order expired.
 */
export const PaymentRefunded = defineEvent(
  'pasar.payments.payment.refunded',
  Topics.paymentsPayment.name,
  z.object({
    orderId: OrderIdSchema,
    paymentId: z.string().min(1),
    amount: RupiahSchema,
    refundId: z.string().min(1),
    via: z.enum(['provider', 'manual']),
    reason: z.enum(['order_cancelled', 'paid_after_expiry', 'paid_after_cancel']),
  }),
);
