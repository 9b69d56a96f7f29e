import type { EventOf, PaymentFailed } from '@pasar/contracts';
import { applyPaymentFailed } from '../use-cases/apply-payment-failed';
import type { OrdersDeps } from '../use-cases/ports';

export const paymentFailedHandler = (deps: OrdersDeps) => (evt: EventOf<typeof PaymentFailed>) =>
  applyPaymentFailed(deps, evt);
