import { OrderCancelled, OrderConfirmed, OrderExpired, OrderPlaced } from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { CatalogDeps } from '../use-cases/deps';
import { onOrderConfirmed } from './order-confirmed.handler';
import { onOrderEnded } from './order-ended.handler';
import { onOrderPlaced } from './order-placed.handler';

/** What catalog consumes (orders.order.v1) and which handler runs the stock saga step. */
export function catalogSubscriptions(deps: CatalogDeps): Subscription[] {
  return [
    on(OrderPlaced, (e) => onOrderPlaced(deps, e)),
    on(OrderConfirmed, (e) => onOrderConfirmed(deps, e)),
    on(OrderCancelled, (e) => onOrderEnded(deps, e, 'cancelled')),
    on(OrderExpired, (e) => onOrderEnded(deps, e, 'expired')),
  ];
}
