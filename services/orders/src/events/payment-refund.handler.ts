import type { EventOf, PaymentRefunded, PaymentRefundPending } from '@pasar/contracts';
import type { OrdersDeps } from '../use-cases/ports';
import { recordRefund } from '../use-cases/record-refund';

type RefundEvent = EventOf<typeof PaymentRefundPending> | EventOf<typeof PaymentRefunded>;

/** Pending (a manual refund task waits for staff) and refunded both land on the order's refund. */
export const paymentRefundHandler = (deps: OrdersDeps) => (evt: RefundEvent) => recordRefund(deps, evt);
