import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';

export const StockRejectionReasonSchema = z.enum([
  'INSUFFICIENT_STOCK',
  'PRODUCT_UNAVAILABLE',
  'LIMIT_EXCEEDED',
]);
export type StockRejectionReason = z.infer<typeof StockRejectionReasonSchema>;

/** No line of the order was held (all or none). `productId` names the line that failed. */
export const StockRejected = defineEvent(
  'pasar.catalog.stock.rejected',
  Topics.catalogStock.name,
  z.object({
    orderId: OrderIdSchema,
    reason: StockRejectionReasonSchema,
    productId: z.string().min(1),
    productName: z.string().optional(),
    requested: z.number().int().positive(),
    available: z.number().int().nonnegative(),
  }),
);
