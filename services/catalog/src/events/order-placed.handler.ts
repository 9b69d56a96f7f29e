import type { EventOf, OrderPlaced } from '@pasar/contracts';
import type { CatalogDeps } from '../use-cases/deps';
import { reserveStock } from '../use-cases/reserve-stock';

export async function onOrderPlaced(deps: CatalogDeps, event: EventOf<typeof OrderPlaced>): Promise<void> {
  const outcome = await reserveStock(deps, event);
  const log = { orderId: event.data.orderId, eventId: event.id, status: outcome.status };
  if (outcome.applied) deps.logger.info(log, `stock ${outcome.status.toLowerCase()}`);
  else deps.logger.info(log, 'order placement already decided: no-op');
}
