import { newEvent, OrderPacked } from '@pasar/contracts';
import type { Order } from '../domain/order';
import type { StaffActor } from './audit';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { takeStaffStep } from './staff-transition';

/**
 * Staff start packing (CONFIRMED|PAID → PACKED): from here the shopper can no longer cancel.
 * OrderPacked and the audit entry go into the same guarded update as the change.
 */
export function packOrder(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
): Promise<Order> {
  return takeStaffStep(deps, actor, cooperativeId, orderId, {
    command: 'pack',
    action: 'orders.order.packed',
    roles: ['gudang', 'pengurus'],
    build: (order) => ({
      events: [
        newEvent(
          OrderPacked,
          order.id,
          { orderId: order.id, notaNumber: order.notaNumber, fulfilment: order.fulfilment.method },
          { source: EVENT_SOURCE, cooperativeId, correlationId: order.correlationId },
        ),
      ],
    }),
  });
}
