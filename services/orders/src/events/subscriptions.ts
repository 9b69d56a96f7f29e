import {
  CooperativeRegistered,
  CooperativeUpdated,
  PaymentSucceeded,
  ProductArchived,
  ProductPublished,
  ProductUpdated,
  StockRejected,
  StockReserved,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { OrdersDeps } from '../use-cases/ports';
import { cooperativeSnapshotHandler } from './cooperative-snapshot.handler';
import { paymentSucceededHandler } from './payment-succeeded.handler';
import { productSnapshotHandler } from './product-snapshot.handler';
import { stockRejectedHandler } from './stock-rejected.handler';
import { stockReservedHandler } from './stock-reserved.handler';

/** What the orders service listens to (consumer group `${KAFKA_TOPIC_PREFIX}orders`). */
export function orderSubscriptions(deps: OrdersDeps): Subscription[] {
  const product = productSnapshotHandler(deps);
  const cooperative = cooperativeSnapshotHandler(deps);
  return [
    on(ProductPublished, product),
    on(ProductUpdated, product),
    on(ProductArchived, product),
    on(CooperativeRegistered, cooperative),
    on(CooperativeUpdated, cooperative),
    on(StockReserved, stockReservedHandler(deps)),
    on(StockRejected, stockRejectedHandler(deps)),
    on(PaymentSucceeded, paymentSucceededHandler(deps)),
  ];
}
