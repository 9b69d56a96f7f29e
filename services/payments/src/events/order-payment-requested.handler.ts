import type { EventOf, OrderPaymentRequested } from '@pasar/contracts';
import { openPayment } from '../use-cases/open-payment';
import type { PaymentsDeps } from '../use-cases/ports';

export function orderPaymentRequestedHandler(deps: PaymentsDeps) {
  return async (event: EventOf<typeof OrderPaymentRequested>) => {
    await openPayment(deps, event.data, event);
  };
}
