import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema, OrderIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';
import { ConsignmentLineSchema } from './consignment-line';

/**
 * The money for a seller's lines of an order came in (an online payment succeeded, or cash was
 * taken at handover): the cooperative now owes the seller `net` = `gross` − `commission`. The
 * sale stays pending (not yet payable) until the order is handed over. Once per order and seller.
 */
export const ConsignmentSaleRecorded = defineEvent(
  'pasar.payments.consignment.sale-recorded',
  Topics.paymentsConsignment.name,
  z.object({
    cooperativeId: CooperativeIdSchema,
    sellerId: z.string().min(1),
    orderId: OrderIdSchema,
    lines: z.array(ConsignmentLineSchema).min(1),
    gross: RupiahSchema,
    commission: RupiahSchema,
    net: RupiahSchema,
    recordedAt: z.iso.datetime(),
  }),
);
