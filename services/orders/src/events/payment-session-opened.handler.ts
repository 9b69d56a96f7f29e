import type { EventOf, PaymentSessionOpened } from '@pasar/contracts';
import { recordPaymentSession } from '../use-cases/record-payment-session';
import type { OrdersDeps } from '../use-cases/ports';

export const paymentSessionOpenedHandler =
  (deps: OrdersDeps) => (evt: EventOf<typeof PaymentSessionOpened>) =>
    recordPaymentSession(deps, evt);
