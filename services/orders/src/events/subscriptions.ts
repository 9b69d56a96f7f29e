import {
  CooperativeRegistered,
  CooperativeUpdated,
  PaymentExpired,
  PaymentFailed,
  PaymentRefunded,
  PaymentRefundPending,
  PaymentSessionOpened,
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
import { paymentExpiredHandler } from './payment-expired.handler';
import { paymentFailedHandler } from './payment-failed.handler';
import { paymentRefundHandler } from './payment-refund.handler';
import { paymentSessionOpenedHandler } from './payment-session-opened.handler';
import { paymentSucceededHandler } from './payment-succeeded.handler';
import { productSnapshotHandler } from './product-snapshot.handler';
import { stockRejectedHandler } from './stock-rejected.handler';
import { stockReservedHandler } from './stock-reserved.handler';

/** What the orders service listens to (consumer group `${KAFKA_TOPIC_PREFIX}orders`). */
export function orderSubscriptions(deps: OrdersDeps): Subscription[] {
  const product = productSnapshotHandler(deps);
  const cooperative = cooperativeSnapshotHandler(deps);
  const refund = paymentRefundHandler(deps);
  return [
    on(ProductPublished, product),
    on(ProductUpdated, product),
    on(ProductArchived, product),
    on(CooperativeRegistered, cooperative),
    on(CooperativeUpdated, cooperative),
    // Idempotent by their own writes (no processed id needed): StockReserved is a transition the
    // order's state machine takes once (guarded by its `from` states: order-saga.test.ts); a
    // payment session is recorded by an update guarded on its paymentId and openedAt
    // (order.repository.int.test.ts).
    on(StockReserved, stockReservedHandler(deps), { idempotent: true }),
    on(StockRejected, stockRejectedHandler(deps)),
    on(PaymentSessionOpened, paymentSessionOpenedHandler(deps), { idempotent: true }),
    on(PaymentSucceeded, paymentSucceededHandler(deps)),
    on(PaymentFailed, paymentFailedHandler(deps)),
    on(PaymentExpired, paymentExpiredHandler(deps)),
    on(PaymentRefundPending, refund),
    on(PaymentRefunded, refund),
  ];
}
