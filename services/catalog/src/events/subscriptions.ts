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
    // Idempotent by their own writes (no processed id needed): a placement is decided by ONE insert
    // keyed by the order and its holds are keyed by the order on each product (reserve-stock.ts); a
    // commit moves only lines still held by the order and transitions only a RESERVED reservation
    // (commit-stock.ts). Tests: reserve-stock.int.test.ts, commit-release-stock.int.test.ts.
    on(OrderPlaced, (e) => onOrderPlaced(deps, e), { idempotent: true }),
    on(OrderConfirmed, (e) => onOrderConfirmed(deps, e), { idempotent: true }),
    on(OrderCancelled, (e) => onOrderEnded(deps, e, 'cancelled')),
    on(OrderExpired, (e) => onOrderEnded(deps, e, 'expired')),
    on(OrderCompleted, (e) => onOrderCompleted(deps, e)),
    on(SellerApproved, onSellerEvent(deps, 'active')),
    on(SellerSuspended, onSellerEvent(deps, 'suspended')),
    on(SellerReinstated, onSellerEvent(deps, 'active')),
  ];
}
