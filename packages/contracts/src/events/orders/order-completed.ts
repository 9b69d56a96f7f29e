import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema, PaymentMethodSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';
import { NotaNumberSchema } from './nota-number';
import { OrderLineSchema } from './order-line';

/**
 * Handed over: at the outlet with the shopper's pickup code, or by the courier (with the code or a
 * note). For a cash order `cashReceived` is what the kasir took (≥ total; the change went back):
 * payments records the collection from it. Null for orders paid online.
 */
export const OrderCompleted = defineEvent(
  'pasar.orders.order.completed',
  Topics.ordersOrder.name,
  z.object({
    orderId: OrderIdSchema,
    notaNumber: NotaNumberSchema,
    paymentMethod: PaymentMethodSchema,
    total: RupiahSchema,
    cashReceived: RupiahSchema.nullable(),
    handover: z.enum(['pickup_code', 'courier_code', 'courier_note']),
    lines: z.array(OrderLineSchema),
    /**
     * The signed-in buyer's account (an id only), null for a guest; the ledger counts a member's
     * purchases for SHU jasa usaha from it. Absent in events published before it was added.
     */
    buyerPersonId: z.string().min(1).nullable().optional(),
  }),
);
