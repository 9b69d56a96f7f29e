import { useEffect, useState } from 'react';
import { isSettled } from '~/utils/order-status';
import type { FulfilmentExtras } from '~/utils/fulfilment';
import type { OrderView } from '~/utils/views';

type LiveOrder = OrderView & FulfilmentExtras;

function looksLikeOrder(value: unknown, orderId: string): value is LiveOrder {
  const v = value as Partial<OrderView> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.id === orderId &&
    typeof v.status === 'string' &&
    Array.isArray(v.timeline)
  );
}

/**
 * The order as the server rendered it, then as the orders service streams it (EventSource on the
 * resource route). The stream stops once the order is final; a newer page load starts from its data again.
 */
export function useLiveOrder(initial: LiveOrder, eventsUrl: string): { order: LiveOrder; live: boolean } {
  // What the stream said, tagged with the loader data it followed: new loader data (after cancelling,
  // or a reload) wins over anything streamed before it.
  const [streamed, setStreamed] = useState<{ after: LiveOrder; order: LiveOrder } | null>(null);
  const [live, setLive] = useState(false);
  const order = streamed?.after === initial ? streamed.order : initial;
  const final = isSettled(order);

  useEffect(() => {
    if (final || typeof EventSource === 'undefined') return;
    const source = new EventSource(eventsUrl);
    source.addEventListener('open', () => setLive(true));
    source.addEventListener('error', () => setLive(false));
    source.addEventListener('order', (event) => {
      try {
        const next: unknown = JSON.parse((event as MessageEvent<string>).data);
        if (looksLikeOrder(next, initial.id)) setStreamed({ after: initial, order: next });
      } catch {
        // A broken message is skipped; the next one (or a reload) brings the truth.
      }
    });
    return () => source.close();
  }, [eventsUrl, final, initial]);

  return { order, live: live && !final };
}
