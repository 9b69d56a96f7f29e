import {
  causedBy,
  type EventOf,
  newEvent,
  OrderConfirmed,
  OrderPaymentRequested,
  type StockReserved,
} from '@pasar/contracts';
import type { Envelope } from '@pasar/contracts';
import { issuesPickupCode, type Order } from '../domain/order';
import { newPickupCode } from '../lib/ids';
import { commitChange, decideOrSkip } from './commit-change';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/** What the shopper pays for, summing to the total: the lines, then the delivery fee as its own item. */
export function paymentItems(order: Pick<Order, 'lines' | 'deliveryFee'>) {
  const items = order.lines.map((l) => ({
    id: l.productId,
    name: l.name,
    unitPrice: l.unitPrice,
    quantity: l.quantity,
  }));
  if (order.deliveryFee > 0)
    items.push({ id: 'delivery', name: 'Ongkos kirim', unitPrice: order.deliveryFee, quantity: 1 });
  return items;
}

/**
 * Catalog holds every line. The payment step comes next: payment is requested for every method;
 * cash ("bayar di tempat") is confirmed at once with a pickup code, online waits for the payment.
 */
export async function applyStockReserved(
  deps: OrdersDeps,
  evt: EventOf<typeof StockReserved>,
): Promise<void> {
  const order = await deps.orders.findById(evt.data.orderId);
  if (!order)
    return void deps.logger.warn(
      { orderId: evt.data.orderId, eventId: evt.id },
      'stock reserved for an unknown order',
    );
  const t = decideOrSkip(deps, order, 'reserveStock', evt.type);
  if (!t) return;
  const ctx = causedBy(evt, EVENT_SOURCE);
  const events: Envelope[] = [
    newEvent(
      OrderPaymentRequested,
      order.id,
      {
        orderId: order.id,
        amount: order.total,
        paymentMethod: order.paymentMethod,
        expiresAt: order.expiresAt.toISOString(),
        items: paymentItems(order),
      },
      ctx,
    ),
  ];
  const confirms = issuesPickupCode(t.to);
  if (confirms) {
    events.push(
      newEvent(
        OrderConfirmed,
        order.id,
        {
          orderId: order.id,
          total: order.total,
          paymentMethod: order.paymentMethod,
          lines: eventLines(order),
        },
        ctx,
      ),
    );
  }
  await commitChange(deps, order, t, {
    ...(confirms ? { set: { pickupCode: newPickupCode() } } : {}),
    events,
  });
}
