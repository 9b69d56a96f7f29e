import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * The bendahara paid a seller part or all of what was available (cash at the outlet, or a bank
 * transfer), with the receipt's number. Never above what was available. The free-text note stays
 * in payments and the audit trail (it may name people), not here.
 */
export const ConsignmentPayoutRecorded = defineEvent(
  'pasar.payments.consignment.payout-recorded',
  Topics.paymentsConsignment.name,
  z.object({
    cooperativeId: CooperativeIdSchema,
    sellerId: z.string().min(1),
    payoutId: z.string().min(1),
    amount: RupiahSchema.refine((n) => n > 0, 'must be more than zero'),
    method: z.enum(['cash', 'transfer']),
    receiptNumber: z.string().min(1).max(60),
    /** The account (personId) of the bendahara who recorded it. */
    recordedBy: z.string().min(1),
    balanceAfter: RupiahSchema,
    recordedAt: z.iso.datetime(),
  }),
);
