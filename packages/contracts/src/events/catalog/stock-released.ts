import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { StockLineSchema } from './stock-lines';

/** The order's units are back on sale (cancelled or expired order): the undo of reserve/commit. */
export const StockReleased = defineEvent(
  'pasar.catalog.stock.released',
  Topics.catalogStock.name,
  z.object({
    orderId: OrderIdSchema,
    lines: z.array(StockLineSchema),
    reason: z.enum(['cancelled', 'expired']),
  }),
);
