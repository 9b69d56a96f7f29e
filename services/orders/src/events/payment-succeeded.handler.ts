import type { EventOf, PaymentSucceeded } from '@pasar/contracts';
import { applyPaymentSucceeded } from '../use-cases/apply-payment-succeeded';
import type { OrdersDeps } from '../use-cases/ports';

export const paymentSucceededHandler = (deps: OrdersDeps) => (evt: EventOf<typeof PaymentSucceeded>) =>
  applyPaymentSucceeded(deps, evt);
