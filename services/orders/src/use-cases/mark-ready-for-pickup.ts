import { newEvent, OrderReadyForPickup } from '@pasar/contracts';
import type { Order } from '../domain/order';
import type { StaffActor } from './audit';
import { EVENT_SOURCE, type OrdersDeps } from './ports';
import { takeStaffStep } from './staff-transition';

/** A packed pickup order waits at the outlet (PACKED → READY_FOR_PICKUP): the shopper may come with the code. */
export function markReadyForPickup(
  deps: OrdersDeps,
  actor: StaffActor,
  cooperativeId: string,
  orderId: string,
): Promise<Order> {
  return takeStaffStep(deps, actor, cooperativeId, orderId, {
    command: 'markReady',
    action: 'orders.order.ready-for-pickup',
    roles: ['gudang', 'kasir', 'pengurus'],
    build: (order) => ({
      events: [
        newEvent(
          OrderReadyForPickup,
          order.id,
          { orderId: order.id, notaNumber: order.notaNumber },
          { source: EVENT_SOURCE, cooperativeId, correlationId: order.correlationId },
        ),
      ],
    }),
  });
}
