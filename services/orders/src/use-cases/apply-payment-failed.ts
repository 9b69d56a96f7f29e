import { causedBy, type EventOf, newEvent, OrderCancelled, type PaymentFailed } from '@pasar/contracts';
import { commitChange, decideOrSkip } from './commit-change';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/**
 * The provider refused the payment: AWAITING_PAYMENT → CANCELLED by the system, with the reason
 * kept as a code the storefront words ("Pembayaran gagal"). OrderCancelled makes catalog release
 * the stock and payments close the session, as for any cancel. In any other state: a logged no-op.
 */
export async function applyPaymentFailed(
  deps: OrdersDeps,
  evt: EventOf<typeof PaymentFailed>,
): Promise<void> {
  const { orderId, paymentId } = evt.data;
  const order = await deps.orders.findById(orderId);
  if (!order)
    return void deps.logger.warn({ orderId, eventId: evt.id }, 'failed payment for an unknown order');
  if (order.payment && order.payment.paymentId !== paymentId) {
    deps.logger.info({ orderId, paymentId }, 'failure of an older payment attempt; ignored');
    return;
  }
  const t = decideOrSkip(deps, order, 'failPayment', evt.type);
  if (!t) return;
  // The provider's words (e.g. "deny") stay in the log: the shopper reads the reason code.
  deps.logger.info({ orderId, paymentId, reason: evt.data.reason }, 'payment failed');
  const cancelled = newEvent(
    OrderCancelled,
    order.id,
    { orderId: order.id, by: 'system', reason: 'Pembayaran gagal', lines: eventLines(order) },
    causedBy(evt, EVENT_SOURCE),
  );
  await commitChange(deps, order, t, {
    set: { cancelReason: 'payment_failed' },
    note: 'Pembayaran gagal',
    events: [cancelled],
  });
}
