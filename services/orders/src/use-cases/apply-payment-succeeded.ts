import { causedBy, type EventOf, newEvent, OrderConfirmed, type PaymentSucceeded } from '@pasar/contracts';
import { newPickupCode } from '../lib/ids';
import { commitChange, decideOrSkip } from './commit-change';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/**
 * The provider confirmed the money: AWAITING_PAYMENT → PAID, pickup code issued, OrderConfirmed
 * tells catalog to commit the stock. A payment for an order that already expired or was cancelled
 * is a no-op here; payments refunds it when it sees the order's OrderExpired/OrderCancelled.
 */
export async function applyPaymentSucceeded(
  deps: OrdersDeps,
  evt: EventOf<typeof PaymentSucceeded>,
): Promise<void> {
  const order = await deps.orders.findById(evt.data.orderId);
  if (!order)
    return void deps.logger.warn(
      { orderId: evt.data.orderId, eventId: evt.id },
      'payment for an unknown order',
    );
  if (evt.data.amount !== order.total) {
    deps.logger.error(
      { orderId: order.id, amount: evt.data.amount, total: order.total },
      'payment amount differs from order total; ignored',
    );
    return;
  }
  const t = decideOrSkip(deps, order, 'receivePayment', evt.type);
  if (!t) return;
  const confirmed = newEvent(
    OrderConfirmed,
    order.id,
    { orderId: order.id, total: order.total, paymentMethod: order.paymentMethod, lines: eventLines(order) },
    causedBy(evt, EVENT_SOURCE),
  );
  await commitChange(deps, order, t, { set: { pickupCode: newPickupCode() }, events: [confirmed] });
}
