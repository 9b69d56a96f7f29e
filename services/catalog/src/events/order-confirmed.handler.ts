import type { EventOf, OrderConfirmed } from '@pasar/contracts';
import { commitStock } from '../use-cases/commit-stock';
import type { CatalogDeps } from '../use-cases/deps';

export async function onOrderConfirmed(
  deps: CatalogDeps,
  event: EventOf<typeof OrderConfirmed>,
): Promise<void> {
  const outcome = await commitStock(deps, event);
  const log = { orderId: event.data.orderId, eventId: event.id, status: outcome.status };
  if (outcome.applied) deps.logger.info(log, 'stock committed');
  else deps.logger.warn(log, 'order confirmed but its stock is not reserved here: no-op');
}
