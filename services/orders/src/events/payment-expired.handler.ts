import type { EventOf, PaymentExpired } from '@pasar/contracts';
import { applyPaymentExpired } from '../use-cases/apply-payment-expired';
import type { OrdersDeps } from '../use-cases/ports';

export const paymentExpiredHandler = (deps: OrdersDeps) => (evt: EventOf<typeof PaymentExpired>) =>
  applyPaymentExpired(deps, evt);
