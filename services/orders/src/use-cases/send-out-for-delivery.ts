import { newEvent, OrderOutForDelivery } from '@pasar/contracts';
import type { Order } from '../domain/order';
import type { StaffActor } from './audit';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { takeStaffStep } from './staff-transition';

/** A courier (a staff member) leaves with a packed delivery order (PACKED → OUT_FOR_DELIVERY). */
export function sendOutForDelivery(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
): Promise<Order> {
  return takeStaffStep(deps, actor, cooperativeId, orderId, {
    command: 'sendOut',
    action: 'orders.order.out-for-delivery',
    roles: ['gudang', 'pengurus'],
    build: (order) => ({
      events: [
        newEvent(
          OrderOutForDelivery,
          order.id,
          { orderId: order.id, notaNumber: order.notaNumber },
          { source: EVENT_SOURCE, cooperativeId, correlationId: order.correlationId },
        ),
      ],
    }),
  });
}
