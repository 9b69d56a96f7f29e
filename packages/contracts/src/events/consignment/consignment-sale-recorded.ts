import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';
import { ConsignmentOrderLinesSchema } from './consignment-line';

/**
 * The money for a seller's lines of an order came in (an online payment succeeded, or cash was
 * taken at handover): the cooperative now owes the seller `net` = `gross` − `commission`. The
 * sale stays pending (not yet payable) until the order is handed over. Once per order and seller.
 */
export const ConsignmentSaleRecorded = defineEvent(
  'pasar.payments.consignment.sale-recorded',
  Topics.paymentsConsignment.name,
  ConsignmentOrderLinesSchema.extend({
    commission: RupiahSchema,
    net: RupiahSchema,
    recordedAt: z.iso.datetime(),
  }),
);
