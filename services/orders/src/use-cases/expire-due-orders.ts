import { newEvent, OrderExpired } from '@pasar/contracts';
import { awaitsConfirmation, type Order } from '../domain/order';
import { commitChange, decideOrSkip } from './commit-change';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/**
 * Unconfirmed orders past their expiry time become EXPIRED; OrderExpired makes catalog release the
 * held stock (and payments close any open session). Safe to run in many processes at once: each
 * transition is guarded, so only one of them writes the event.
 * `fullScan` reads the orders themselves instead of the expiry queue (the repair pass).
 */
export async function expireDueOrders(
  deps: OrdersDeps,
  opts: { fullScan?: boolean; batchSize?: number } = {},
): Promise<number> {
  const batchSize = opts.batchSize ?? 100;
  const now = deps.clock();
  const due = opts.fullScan
    ? await deps.orders.findDueForExpiry(now, batchSize)
    : await queuedDueOrders(deps, now, batchSize);
  let expired = 0;
  for (const order of due) {
    const t = decideOrSkip(deps, order, 'expire', 'expiry-sweep');
    if (!t) continue;
    const evt = newEvent(
      OrderExpired,
      order.id,
      { orderId: order.id, lines: eventLines(order) },
      { source: EVENT_SOURCE, cooperativeId: order.cooperativeId, correlationId: order.correlationId },
    );
    if (await commitChange(deps, order, t, { events: [evt] })) expired++;
  }
  return expired;
}

async function queuedDueOrders(deps: OrdersDeps, now: Date, limit: number): Promise<Order[]> {
  const orders: Order[] = [];
  for (const id of await deps.expiries.due(now, limit)) {
    const order = await deps.orders.findById(id);
    if (order && awaitsConfirmation(order.status)) orders.push(order);
    else await deps.expiries.remove(id); // settled meanwhile (its removal was lost) or gone
  }
  return orders;
}
