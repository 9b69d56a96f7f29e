import { DomainError } from '@pasar/service-kit';
import { type Order, transition } from '../domain/order';
import { commitChange } from './commit-change';
import { getOrderForStaff } from './get-order';
import type { OrdersDeps } from './ports';

/**
 * Staff start packing (CONFIRMED|PAID → PACKED): from here the shopper can no longer cancel.
 * No event yet: the contracts have no OrderPacked; the fulfilment issue adds it with the next steps.
 */
export async function packOrder(deps: OrdersDeps, orderId: string): Promise<Order> {
  const order = await getOrderForStaff(deps, orderId);
  const t = transition(order, 'pack');
  if (!(await commitChange(deps, order, t, { events: [] }))) {
    throw new DomainError('ORDER.BUSY', 'The order changed meanwhile; reload and try again', 409);
  }
  return getOrderForStaff(deps, orderId);
}
