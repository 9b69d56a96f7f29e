import type { EventOf, OrderConfirmed } from '@pasar/contracts';
import { now, type PaymentsDeps } from '../use-cases/ports';

/** An online order confirmed by orders is paid there: reconciliation compares that with the provider. */
export function orderConfirmedHandler(deps: PaymentsDeps) {
  return async (event: EventOf<typeof OrderConfirmed>) => {
    if (event.data.paymentMethod === 'cash') return;
    await deps.payments.setOrderState(event.data.orderId, 'paid', now(deps));
  };
}
