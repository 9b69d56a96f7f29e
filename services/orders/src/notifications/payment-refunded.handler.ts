import type { EventOf, PaymentRefunded } from '@pasar/contracts';
import { notifyShopper } from './notify-shopper';
import type { NotifyDeps } from './ports';

export const paymentRefundedHandler =
  (deps: NotifyDeps) =>
  async (evt: EventOf<typeof PaymentRefunded>): Promise<void> => {
    await notifyShopper(deps, {
      orderId: evt.data.orderId,
      kind: 'refunded',
      eventTime: new Date(evt.time),
      refundedAmount: evt.data.amount,
    });
  };
