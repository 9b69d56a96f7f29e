import { newEvent, OrderCancelled } from '@pasar/contracts';
import { cancelTransition, type Order } from '../domain/order';
import { commitChange } from './commit-change';
import { eventLines } from './event-lines';
import { getOrderForShopper } from './get-order';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { orderBusy } from '../domain/errors';

/**
 * The shopper cancels before packing starts: CANCELLED, and OrderCancelled makes catalog release
 * the stock and payments refund what was captured. The shopper's words stay in the timeline only
 * (free text may hold personal data, which never goes into events).
 */
export async function cancelOrder(
  deps: OrdersDeps,
  orderId: string,
  token: string | undefined,
  reason?: string,
): Promise<Order> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await getOrderForShopper(deps, orderId, token);
    const t = cancelTransition(order);
    const evt = newEvent(
      OrderCancelled,
      order.id,
      { orderId: order.id, by: 'shopper', reason: 'Dibatalkan oleh pembeli', lines: eventLines(order) },
      { source: EVENT_SOURCE, cooperativeId: order.cooperativeId, correlationId: order.correlationId },
    );
    const change = {
      set: { cancelReason: 'shopper' as const },
      events: [evt],
      ...(reason ? { note: reason } : {}),
    };
    if (await commitChange(deps, order, t, change)) {
      return getOrderForShopper(deps, orderId, token);
    }
    // The order moved on meanwhile (e.g. confirmed): decide again on its new state.
  }
  throw orderBusy();
}
