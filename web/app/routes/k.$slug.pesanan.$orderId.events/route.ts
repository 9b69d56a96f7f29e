import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireSlug } from '~/utils/cooperative.server';
import { requireOrderAccess } from '~/utils/order-access.server';
import { openOrderEvents } from '~/utils/orders.server';
import { getSession } from '~/utils/session.server';

/**
 * Resource route: proxies the orders service's server-sent events for an order this browser may see,
 * so the token never leaves the http-only cookie. Ends when the shopper leaves (request.signal).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireSlug(params.slug);
  const { orderId, token } = requireOrderAccess(await getSession(request), params.orderId);
  let upstream: Response;
  try {
    upstream = await openOrderEvents(orderId, token, request.signal);
  } catch {
    return new Response('orders service unavailable', { status: 503, headers: { 'Retry-After': '5' } });
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    return new Response(null, { status: upstream.status === 404 ? 404 : 503 });
  }
  return new Response(upstream.body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps remix-serve's compression from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
