import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { FulfilmentMethodSchema, OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { NotaNumberSchema } from './nota-number';

/** The warehouse (gudang) packed the order: it waits for pickup or a courier. */
export const OrderPacked = defineEvent(
  'pasar.orders.order.packed',
  Topics.ordersOrder.name,
  z.object({ orderId: OrderIdSchema, notaNumber: NotaNumberSchema, fulfilment: FulfilmentMethodSchema }),
);
