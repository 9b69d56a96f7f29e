import type { PaymentMethod } from '@pasar/contracts';
import { NotFoundError } from '@pasar/service-kit';
import { offeredPaymentMethods } from '../domain/catalog';
import type { OrdersDeps } from './ports';

/** The methods a shopper of this cooperative may choose at checkout (what POST /orders accepts). */
export async function getPaymentMethods(deps: OrdersDeps, cooperativeId: string): Promise<PaymentMethod[]> {
  const cooperative = await deps.cooperatives.findById(cooperativeId);
  if (!cooperative) throw new NotFoundError('COOPERATIVE.NOT_FOUND', `No cooperative ${cooperativeId}`);
  return offeredPaymentMethods(cooperative, deps.settings.paymentMethods);
}
