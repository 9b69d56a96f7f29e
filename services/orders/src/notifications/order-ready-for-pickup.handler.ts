import type { EventOf, OrderReadyForPickup } from '@pasar/contracts';
import { notifyShopper } from './notify-shopper';
import type { NotifyDeps } from './ports';

export const orderReadyForPickupHandler =
  (deps: NotifyDeps) =>
  async (evt: EventOf<typeof OrderReadyForPickup>): Promise<void> => {
    await notifyShopper(deps, {
      orderId: evt.data.orderId,
      kind: 'ready_for_pickup',
      eventTime: new Date(evt.time),
      notaNumber: evt.data.notaNumber,
    });
  };
