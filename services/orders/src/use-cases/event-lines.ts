import type { OrderLine as EventLine } from '@pasar/contracts';
import type { Order } from '../domain/order';

/** Order lines as events carry them (the per-order limit is the orders service's own business). */
export function eventLines(order: Pick<Order, 'lines'>): EventLine[] {
  return order.lines.map(({ productId, sellerId, name, unit, unitPrice, quantity, lineTotal }) => ({
    productId,
    sellerId,
    name,
    unit,
    unitPrice,
    quantity,
    lineTotal,
  }));
}
