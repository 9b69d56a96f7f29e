import type { EventOf, OrderCompleted } from '@pasar/contracts';
import type { PaymentsDeps } from '../use-cases/ports';
import { applyCommand } from '../use-cases/transitions';

/**
 * Handed over. For a cash order the kasir (or the courier) took the money: the payment is
 * COLLECTED (captured = the order total; the change stayed with the shopper) and PaymentSucceeded
 * goes out for the books. A redelivery finds it COLLECTED already and does nothing.
 */
export function orderCompletedHandler(deps: PaymentsDeps) {
  return async (event: EventOf<typeof OrderCompleted>) => {
    if (event.data.paymentMethod !== 'cash') return;
    const payment = await deps.payments.findLatestByOrder(event.data.orderId);
    if (!payment) {
      deps.logger.warn({ orderId: event.data.orderId }, 'cash handover for an order without a payment');
      return;
    }
    if (event.data.cashReceived === null || event.data.cashReceived < payment.amount) {
      deps.logger.error(
        { orderId: event.data.orderId, cashReceived: event.data.cashReceived, amount: payment.amount },
        'cash handover with less than the total; not recorded as collected',
      );
      return;
    }
    await applyCommand(deps, payment.paymentId, 'cashCollected', { actor: 'system' });
  };
}
