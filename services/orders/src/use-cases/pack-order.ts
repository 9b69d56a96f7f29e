import { DomainError } from '@pasar/service-kit';
import { type Order, transition } from '../domain/order';
import { auditEvent, type StaffActor } from './audit';
import { commitChange } from './commit-change';
import { getOrderForStaff } from './get-order';
import type { OrdersDeps } from './ports';

/**
 * Staff start packing (CONFIRMED|PAID → PACKED): from here the shopper can no longer cancel.
 * The goods leave the shelf, so the audit entry goes into the same guarded update as the change.
 * No OrderPacked yet: the contracts have none; the fulfilment issue adds it with the next steps.
 */
export async function packOrder(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
): Promise<Order> {
  const order = await getOrderForStaff(deps, cooperativeId, orderId);
  const t = transition(order, 'pack');
  const audit = auditEvent({
    actor,
    cooperativeId,
    action: 'orders.order.packed',
    orderId,
    before: { status: order.status },
    after: { status: t.to },
    at: deps.clock(),
    correlationId: order.correlationId,
  });
  if (!(await commitChange(deps, order, t, { events: [audit] }))) {
    throw new DomainError('ORDER.BUSY', 'The order changed meanwhile; reload and try again', 409);
  }
  return getOrderForStaff(deps, cooperativeId, orderId);
}
