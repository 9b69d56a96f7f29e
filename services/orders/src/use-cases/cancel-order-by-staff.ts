import { newEvent, OrderCancelled } from '@pasar/contracts';
import { DomainError } from '@pasar/service-kit';
import { type Order, transition } from '../domain/order';
import { auditEvent, type StaffActor } from './audit';
import { commitChange } from './commit-change';
import { eventLines } from './event-lines';
import { getOrderForStaff } from './get-order';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/**
 * The cooperative cancels an order it cannot fulfil (the same `cancel` transition as the shopper's:
 * until packing starts). OrderCancelled (by staff) makes catalog release the stock and payments
 * void or refund; the audit entry rides in the same guarded update. The staff member's reason is
 * shown to the shopper in the timeline only: free text never goes into events.
 */
export async function cancelOrderByStaff(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
  reason: string,
): Promise<Order> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await getOrderForStaff(deps, cooperativeId, orderId);
    const t = transition(order, 'cancel');
    const ctx = { source: EVENT_SOURCE, cooperativeId, correlationId: order.correlationId };
    const cancelled = newEvent(
      OrderCancelled,
      order.id,
      { orderId: order.id, by: 'staff', reason: 'Dibatalkan oleh koperasi', lines: eventLines(order) },
      ctx,
    );
    const audit = auditEvent({
      actor,
      cooperativeId,
      action: 'orders.order.cancelled',
      orderId,
      before: { status: order.status, total: order.total },
      after: { status: t.to },
      at: deps.clock(),
      correlationId: order.correlationId,
    });
    const change = { set: { cancelReason: 'staff' as const }, events: [cancelled, audit], note: reason };
    if (await commitChange(deps, order, t, change)) {
      return getOrderForStaff(deps, cooperativeId, orderId);
    }
    // The order moved on meanwhile (e.g. confirmed): decide again on its new state.
  }
  throw new DomainError('ORDER.BUSY', 'The order is changing right now; try again', 409);
}
