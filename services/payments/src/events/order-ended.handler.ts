import type { EventOf, OrderCancelled, OrderExpired } from '@pasar/contracts';
import type { PaymentsDeps } from '../use-cases/ports';
import { voidPayment } from '../use-cases/void-payment';

/** Cancelled or expired before payment: void what is still open (the saga's undo for payments). */
export function orderEndedHandler(deps: PaymentsDeps) {
  return async (event: EventOf<typeof OrderCancelled> | EventOf<typeof OrderExpired>) => {
    const reason = 'by' in event.data ? `cancelled by ${event.data.by}` : 'expired';
    await voidPayment(deps, event.data.orderId, reason);
  };
}
