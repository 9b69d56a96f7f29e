import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';

/** Catalog could not hold every line: the order ends here and nothing is held. */
export const OrderRejected = defineEvent(
  'pasar.orders.order.rejected',
  Topics.ordersOrder.name,
  z.object({ orderId: OrderIdSchema, reason: z.string().min(1), productId: z.string().optional() }),
);
