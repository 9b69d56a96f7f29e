import { OrderCancelled, OrderOutForDelivery, OrderReadyForPickup, PaymentRefunded } from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import { orderCancelledHandler } from './order-cancelled.handler';
import { orderOutForDeliveryHandler } from './order-out-for-delivery.handler';
import { orderReadyForPickupHandler } from './order-ready-for-pickup.handler';
import { paymentRefundedHandler } from './payment-refunded.handler';
import type { NotifyDeps } from './ports';

/** What the notifier listens to (its own consumer group, `${KAFKA_TOPIC_PREFIX}orders-notify`). */
export function notificationSubscriptions(deps: NotifyDeps): Subscription[] {
  return [
    on(OrderReadyForPickup, orderReadyForPickupHandler(deps)),
    on(OrderOutForDelivery, orderOutForDeliveryHandler(deps)),
    on(OrderCancelled, orderCancelledHandler(deps)),
    on(PaymentRefunded, paymentRefundedHandler(deps)),
  ];
}
