import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { NotaNumberSchema } from './nota-number';

/** A courier (a staff member) left with the order. */
export const OrderOutForDelivery = defineEvent(
  'pasar.orders.order.out-for-delivery',
  Topics.ordersOrder.name,
  z.object({ orderId: OrderIdSchema, notaNumber: NotaNumberSchema }),
);
