import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { OrderLineSchema } from './order-line';

/** Not confirmed in time: catalog releases the held stock. */
export const OrderExpired = defineEvent(
  'pasar.orders.order.expired',
  Topics.ordersOrder.name,
  z.object({ orderId: OrderIdSchema, lines: z.array(OrderLineSchema) }),
);
