import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';
import { OrderLineSchema } from './order-line';

/** Paid online, or accepted for cash: catalog commits the stock; the cooperative may start packing. */
export const OrderConfirmed = defineEvent(
  'pasar.orders.order.confirmed',
  Topics.ordersOrder.name,
  z.object({
    orderId: OrderIdSchema,
    total: RupiahSchema,
    paymentMethod: PaymentMethodSchema,
    lines: z.array(OrderLineSchema).min(1),
  }),
);
