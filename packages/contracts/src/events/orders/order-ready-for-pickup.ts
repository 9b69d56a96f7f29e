import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { NotaNumberSchema } from './nota-number';

/** Packed and waiting at the outlet: the shopper is told to come with the pickup code. */
export const OrderReadyForPickup = defineEvent(
  'pasar.orders.order.ready-for-pickup',
  Topics.ordersOrder.name,
  z.object({ orderId: OrderIdSchema, notaNumber: NotaNumberSchema }),
);
