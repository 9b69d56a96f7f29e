import type { EventOf, OrderCancelled, OrderExpired } from '@pasar/contracts';
import { endPayment } from '../use-cases/end-payment';
import type { PaymentsDeps } from '../use-cases/ports';

/** Cancelled or expired: void what is open, refund what was captured (the saga's undo for payments). */
export function orderEndedHandler(deps: PaymentsDeps) {
  return async (event: EventOf<typeof OrderCancelled> | EventOf<typeof OrderExpired>) => {
    const end =
      'by' in event.data ? { kind: 'cancelled' as const, by: event.data.by } : { kind: 'expired' as const };
    await endPayment(deps, event.data.orderId, end);
  };
}
