import { newEvent, OrderCancelled } from '@pasar/contracts';
import type { Order } from '../domain/order';
import type { StaffActor } from './audit';
import { eventLines } from './event-lines';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { takeStaffStep } from './staff-transition';

/**
 * The cooperative cancels an order it cannot fulfil, until the goods are handed over
 * (`staffCancel`: CONFIRMED … OUT_FOR_DELIVERY). OrderCancelled (by staff) makes catalog release
 * the stock and payments void or refund; the audit entry rides in the same guarded update. The
 * staff member's reason is shown to the shopper in the timeline only: free text never goes into events.
 */
export function cancelOrderByStaff(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
  reason: string,
): Promise<Order> {
  return takeStaffStep(deps, actor, cooperativeId, orderId, {
    command: 'staffCancel',
    action: 'orders.order.cancelled',
    roles: ['kasir', 'pengurus'],
    build: (order) => ({
      events: [
        newEvent(
          OrderCancelled,
          order.id,
          { orderId: order.id, by: 'staff', reason: 'Dibatalkan oleh koperasi', lines: eventLines(order) },
          { source: EVENT_SOURCE, cooperativeId, correlationId: order.correlationId },
        ),
      ],
      set: { cancelReason: 'staff' },
      note: reason,
      auditBefore: { total: order.total },
    }),
  });
}
