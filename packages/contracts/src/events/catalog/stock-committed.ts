import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { StockLineSchema } from './stock-lines';

/** The held units are sold: they leave the reservation for good. */
export const StockCommitted = defineEvent(
  'pasar.catalog.stock.committed',
  Topics.catalogStock.name,
  z.object({ orderId: OrderIdSchema, lines: z.array(StockLineSchema).min(1) }),
);
