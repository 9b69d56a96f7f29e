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
    /**
     * What the shopper pays for, summing to `amount` (the lines, then the delivery fee as its own
     * item): Midtrans Snap shows them and refuses a transaction whose items do not add up.
     * Absent in events from before online payments; payments then sends one item for the total.
     */
    items: z
      .array(
        z.object({
          id: z.string().min(1).max(50),
          name: z.string().min(1),
          unitPrice: RupiahSchema,
          quantity: z.number().int().positive(),
        }),
      )
      .optional(),
  }),
);
