import type { EventOf, PaymentRefunded, PaymentRefundPending } from '@pasar/contracts';
import type { Refund } from '../domain/order';
import type { OrdersDeps } from './ports';

const NOTES: Record<Refund['status'], string> = {
  pending: 'Dana sedang dikembalikan',
  refunded: 'Dana sudah dikembalikan',
};

/**
 * Money going back to the shopper (after a cancel, or a payment that came too late): the order
 * records the refund's step with a timeline note and a new version for the live stream. Never
 * changes the status. A redelivery, or "pending" after "refunded", changes nothing.
 */
export async function recordRefund(
  deps: OrdersDeps,
  evt: EventOf<typeof PaymentRefundPending> | EventOf<typeof PaymentRefunded>,
): Promise<void> {
  const { orderId, amount, reason } = evt.data;
  const order = await deps.orders.findById(orderId);
  if (!order) return void deps.logger.warn({ orderId, eventId: evt.id }, 'refund for an unknown order');
  const at = deps.clock();
  const refund: Refund =
    'via' in evt.data
      ? { status: 'refunded', amount, via: evt.data.via, reason, at }
      : { status: 'pending', amount, via: null, reason, at };
  const recorded = await deps.orders.recordRefund(orderId, refund, {
    status: order.status,
    at,
    note: NOTES[refund.status],
  });
  deps.logger.info(
    { orderId, refund: refund.status, amount },
    recorded ? 'refund recorded' : 'refund step already known; ignored',
  );
}
