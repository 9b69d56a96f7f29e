import {
  OrderCancelled,
  OrderCompleted,
  OrderConfirmed,
  OrderExpired,
  OrderPaymentRequested,
} from '@pasar/contracts';
import { on, type Subscription } from '@pasar/events';
import type { PaymentsDeps } from '../use-cases/ports';
import { orderCompletedHandler } from './order-completed.handler';
import { orderConfirmedHandler } from './order-confirmed.handler';
import { orderEndedHandler } from './order-ended.handler';
import { orderPaymentRequestedHandler } from './order-payment-requested.handler';

/** What payments consumes (all on orders.order.v1, keyed by orderId, so one order stays in order). */
export function subscriptions(deps: PaymentsDeps): Subscription[] {
  const ended = orderEndedHandler(deps);
  return [
    on(OrderPaymentRequested, orderPaymentRequestedHandler(deps)),
    on(OrderConfirmed, orderConfirmedHandler(deps)),
    on(OrderCompleted, orderCompletedHandler(deps)),
    on(OrderCancelled, ended),
    on(OrderExpired, ended),
  ];
}
