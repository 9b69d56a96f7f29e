import {
  OrderCancelled,
  OrderCompleted,
  OrderConfirmed,
  OrderExpired,
  OrderPlaced,
  SellerApproved,
  SellerReinstated,
  SellerSuspended,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { CatalogDeps } from '../use-cases/deps';
import { onOrderCompleted } from './order-completed.handler';
import { onOrderConfirmed } from './order-confirmed.handler';
import { onOrderEnded } from './order-ended.handler';
import { onOrderPlaced } from './order-placed.handler';
import { onSellerEvent } from './seller.handler';

/** What catalog consumes (orders.order.v1: the stock saga; membership.seller.v1: the sellers read model). */
export function catalogSubscriptions(deps: CatalogDeps): Subscription[] {
  return [
    on(OrderPlaced, (e) => onOrderPlaced(deps, e)),
    on(OrderConfirmed, (e) => onOrderConfirmed(deps, e)),
    on(OrderCancelled, (e) => onOrderEnded(deps, e, 'cancelled')),
    on(OrderExpired, (e) => onOrderEnded(deps, e, 'expired')),
    on(OrderCompleted, (e) => onOrderCompleted(deps, e)),
    on(SellerApproved, onSellerEvent(deps, 'active')),
    on(SellerSuspended, onSellerEvent(deps, 'suspended')),
    on(SellerReinstated, onSellerEvent(deps, 'active')),
  ];
}
