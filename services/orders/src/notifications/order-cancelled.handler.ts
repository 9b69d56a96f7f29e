import type { EventOf, OrderCancelled } from '@pasar/contracts';
import { notifyShopper } from './notify-shopper';
import type { NotifyDeps } from './ports';

/** Every cancellation is confirmed by mail, the shopper's own included (it says what happens to a payment). */
export const orderCancelledHandler =
  (deps: NotifyDeps) =>
  async (evt: EventOf<typeof OrderCancelled>): Promise<void> => {
    await notifyShopper(deps, {
      orderId: evt.data.orderId,
      kind: 'cancelled',
      eventTime: new Date(evt.time),
    });
  };
