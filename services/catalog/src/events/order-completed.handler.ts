import type { EventOf, OrderCompleted } from '@pasar/contracts';
import { completeStock } from '../use-cases/complete-stock';
import type { CatalogDeps } from '../use-cases/deps';

export async function onOrderCompleted(
  deps: CatalogDeps,
  event: EventOf<typeof OrderCompleted>,
): Promise<void> {
  const outcome = await completeStock(deps, event);
  const log = { orderId: event.data.orderId, eventId: event.id, status: outcome.status };
  if (outcome.applied) deps.logger.info(log, 'order completed: sale markers dropped');
  else deps.logger.info(log, 'order completed but its stock is not committed here: no-op');
}
