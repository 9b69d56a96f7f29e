import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';
import { ConsignmentOrderLinesSchema } from './consignment-line';

/**
 * A pending consignment sale was undone before handover (the order was cancelled after payment,
 * or its payment refunded): the seller's lines come off (−gross) and the commission goes back
 * (+commission), so the seller's balance drops by the sale's `net`. Once per order and seller.
 */
export const ConsignmentRefundRecorded = defineEvent(
  'pasar.payments.consignment.refund-recorded',
  Topics.paymentsConsignment.name,
  ConsignmentOrderLinesSchema.extend({
    commissionReversed: RupiahSchema,
    net: RupiahSchema,
    reason: z.enum(['order_cancelled', 'payment_refunded']),
    recordedAt: z.iso.datetime(),
  }),
);
