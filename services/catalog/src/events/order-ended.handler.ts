import type { EventOf, OrderCancelled, OrderExpired } from '@pasar/contracts';
import type { CatalogDeps } from '../use-cases/deps';
import { releaseStock } from '../use-cases/release-stock';

/** Cancelled or expired: both give the order's units back. */
export async function onOrderEnded(
  deps: CatalogDeps,
  event: EventOf<typeof OrderCancelled> | EventOf<typeof OrderExpired>,
  reason: 'cancelled' | 'expired',
): Promise<void> {
  const outcome = await releaseStock(deps, event, reason);
  const log = { orderId: event.data.orderId, eventId: event.id, reason, status: outcome.status };
  if (outcome.applied) deps.logger.info(log, 'stock released');
  else deps.logger.info(log, 'nothing to release for this order: no-op');
}
