import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';

/**
 * Listens to the cooperative's order events (the web's resource route, which holds the token) and
 * refetches the page's loader when an order changes. Bursts (a busy morning) are folded into one
 * refetch per second. Returns the stream's state: not yet open, open, or dropped (EventSource retries by
 * itself; the page says so meanwhile).
 */
export type LiveState = 'connecting' | 'live' | 'offline';

export function useLiveQueue(eventsUrl: string): LiveState {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const [live, setLive] = useState<LiveState>('connecting');

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(eventsUrl);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const changed = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        revalidate.current();
      }, 1_000);
    };
    source.addEventListener('open', () => setLive('live'));
    source.addEventListener('error', () => setLive('offline'));
    // Whatever the event is called (order, order.changed…), it means "look again".
    source.addEventListener('message', changed);
    source.addEventListener('order', changed);
    source.addEventListener('order.changed', changed);
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [eventsUrl]);

  return live;
}
