import { z } from 'zod';
import { defineEvent } from '../../define-event';
import {
  CooperativeIdSchema,
  FulfilmentMethodSchema,
  OrderIdSchema,
  PaymentMethodSchema,
  RupiahSchema,
} from '../../primitives';
import { Topics } from '../../topics';
import { OrderLineSchema } from './order-line';

/** A shopper placed an order; catalog answers with stock reserved or rejected. No personal data here. */
export const OrderPlaced = defineEvent(
  'pasar.orders.order.placed',
  Topics.ordersOrder.name,
  z.object({
    orderId: OrderIdSchema,
    cooperativeId: CooperativeIdSchema,
    lines: z.array(OrderLineSchema).min(1),
    subtotal: RupiahSchema,
    deliveryFee: RupiahSchema,
    total: RupiahSchema,
    fulfilment: FulfilmentMethodSchema,
    paymentMethod: PaymentMethodSchema,
    expiresAt: z.iso.datetime(),
  }),
);
