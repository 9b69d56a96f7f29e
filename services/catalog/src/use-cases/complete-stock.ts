import type { EventOf, OrderCompleted } from '@pasar/contracts';
import type { CatalogDeps } from './deps';
import type { SagaOutcome } from './reserve-stock';

/**
 * OrderCompleted → the order can no longer be cancelled, so its units never come back: each product
 * forgets the order's `sales.<orderId>` marker (conditional on it being there, so a re-run skips done
 * lines), then the reservation moves COMMITTED → COMPLETED. From then on the reservation's status is
 * what refuses a late release (RELEASABLE has no COMPLETED), so products keep markers only for orders
 * still open. No event: nothing changes for other services.
 */
export async function completeStock(
  deps: CatalogDeps,
  completed: EventOf<typeof OrderCompleted>,
): Promise<SagaOutcome> {
  const { orderId } = completed.data;
  const reservation = await deps.reservations.get(orderId);
  if (!reservation) return { applied: false, status: 'MISSING' };
  if (reservation.status !== 'COMMITTED') return { applied: false, status: reservation.status };
  for (const line of reservation.lines) await deps.stock.forgetSale(line.productId, orderId, line.quantity);
  const applied = await deps.reservations.transition(orderId, {
    from: ['COMMITTED'],
    to: 'COMPLETED',
    events: [],
    note: 'order completed: sale markers dropped',
  });
  return {
    applied,
    status: applied ? 'COMPLETED' : ((await deps.reservations.get(orderId))?.status ?? 'MISSING'),
  };
}
