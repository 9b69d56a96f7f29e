import type { EventOf, OrderOutForDelivery } from '@pasar/contracts';
import { notifyShopper } from './notify-shopper';
import type { NotifyDeps } from './ports';

export const orderOutForDeliveryHandler =
  (deps: NotifyDeps) =>
  async (evt: EventOf<typeof OrderOutForDelivery>): Promise<void> => {
    await notifyShopper(deps, {
      orderId: evt.data.orderId,
      kind: 'out_for_delivery',
      eventTime: new Date(evt.time),
      notaNumber: evt.data.notaNumber,
    });
  };
