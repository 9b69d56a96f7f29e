import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { OrderLineSchema } from './order-line';

/** Undo of placement: catalog releases what it held or sold; payments refunds what was captured. */
export const OrderCancelled = defineEvent(
  'pasar.orders.order.cancelled',
  Topics.ordersOrder.name,
  z.object({
    orderId: OrderIdSchema,
    by: z.enum(['shopper', 'staff', 'system']),
    reason: z.string().min(1),
    lines: z.array(OrderLineSchema),
  }),
);
