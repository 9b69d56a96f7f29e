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
    // Idempotent by their own writes (no processed id needed): a payment attempt is ONE insert with
    // an id derived from the order and attempt, a duplicate is a no-op unless still OPENING
    // (open-payment.test.ts); a confirmation only sets the order's state on its payments.
    on(OrderPaymentRequested, orderPaymentRequestedHandler(deps), { idempotent: true }),
    on(OrderConfirmed, orderConfirmedHandler(deps), { idempotent: true }),
    on(OrderCompleted, orderCompletedHandler(deps)),
    on(OrderCancelled, ended),
    on(OrderExpired, ended),
  ];
}
