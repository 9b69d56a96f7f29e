import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { OrderIdSchema } from '../../primitives';
import { Topics } from '../../topics';
import { StockLineSchema } from './stock-lines';

/** Every line of the order is held; nothing else may sell those units until commit or release. */
export const StockReserved = defineEvent(
  'pasar.catalog.stock.reserved',
  Topics.catalogStock.name,
  z.object({ orderId: OrderIdSchema, lines: z.array(StockLineSchema).min(1) }),
);
