import type { EventOf, PaymentSessionOpened } from '@pasar/contracts';
import type { OrdersDeps } from './ports';

/**
 * Payments opened a session (a hosted payment page, or cash to collect): the order keeps where the
 * shopper pays, and its version moves so the live stream shows the "Pay now" button. A redelivery
 * or an older session changes nothing; a newer one (a retried attempt) replaces it.
 */
export async function recordPaymentSession(
  deps: OrdersDeps,
  evt: EventOf<typeof PaymentSessionOpened>,
): Promise<void> {
  const { orderId, paymentId, provider, redirectUrl } = evt.data;
  const recorded = await deps.orders.recordPayment(
    orderId,
    { paymentId, provider, redirectUrl, openedAt: new Date(evt.time) },
    deps.clock(),
  );
  // The write is guarded by the order's id: only when it changed nothing is the order read, to
  // tell an unknown order (worth a warning) from a session already known.
  if (!recorded && !(await deps.orders.findById(orderId)))
    return void deps.logger.warn({ orderId, eventId: evt.id }, 'payment session for an unknown order');
  deps.logger.info(
    { orderId, paymentId, provider },
    recorded ? 'payment session recorded' : 'payment session already known or older; ignored',
  );
}
