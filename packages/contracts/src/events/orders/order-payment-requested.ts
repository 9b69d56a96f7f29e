import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/** Stock is held; payments opens a session (online) or records cash to collect at pickup/delivery. */
export const OrderPaymentRequested = defineEvent(
  'pasar.orders.order.payment-requested',
  Topics.ordersOrder.name,
  z.object({
    orderId: OrderIdSchema,
    amount: RupiahSchema,
    paymentMethod: PaymentMethodSchema,
    expiresAt: z.iso.datetime(),
  }),
);
