import { z } from 'zod';
import { CooperativeIdSchema, OrderIdSchema, RupiahSchema } from '../../primitives';

/** Basis points of a line's total the cooperative keeps: 1000 = 10 %, at most 10000 = 100 %. */
export const CommissionBpsSchema = z.number().int('must be whole basis points').min(0).max(10_000);

/**
 * One order line sold on a seller's behalf, with the commission fixed when the money came in
 * (`commission` = round half up of lineTotal × commissionBps / 10000, in whole rupiah).
 */
export const ConsignmentLineSchema = z.object({
  productId: z.string().min(1),
  name: z.string().min(1),
  quantity: z.number().int().positive(),
  lineTotal: RupiahSchema,
  commissionBps: CommissionBpsSchema,
  commission: RupiahSchema,
});
export type ConsignmentLine = z.infer<typeof ConsignmentLineSchema>;

/** What a sale and its undo both say: whose lines of which order, and their gross total. */
export const ConsignmentOrderLinesSchema = z.object({
  cooperativeId: CooperativeIdSchema,
  sellerId: z.string().min(1),
  orderId: OrderIdSchema,
  lines: z.array(ConsignmentLineSchema).min(1),
  gross: RupiahSchema,
});
