import { causedBy, type EventOf, newEvent, OrderExpired, type PaymentExpired } from '@pasar/contracts';
import { commitChange, decideOrSkip } from './commit-change';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/**
 * The provider's transaction ran out of time unpaid: AWAITING_PAYMENT → EXPIRED at once (no
 * deadline check: the provider is the truth about its own transaction), and OrderExpired makes
 * catalog release the stock, as the sweeper's expiry does. In any other state: a logged no-op.
 */
export async function applyPaymentExpired(
  deps: OrdersDeps,
  evt: EventOf<typeof PaymentExpired>,
): Promise<void> {
  const { orderId, paymentId } = evt.data;
  const order = await deps.orders.findById(orderId);
  if (!order)
    return void deps.logger.warn({ orderId, eventId: evt.id }, 'expired payment for an unknown order');
  if (order.payment && order.payment.paymentId !== paymentId) {
    deps.logger.info({ orderId, paymentId }, 'expiry of an older payment attempt; ignored');
    return;
  }
  const t = decideOrSkip(deps, order, 'expirePayment', evt.type);
  if (!t) return;
  const expired = newEvent(
    OrderExpired,
    order.id,
    { orderId: order.id, lines: eventLines(order) },
    causedBy(evt, EVENT_SOURCE),
  );
  await commitChange(deps, order, t, { note: 'Waktu pembayaran habis', events: [expired] });
}
