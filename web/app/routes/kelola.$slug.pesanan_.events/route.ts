import type { LoaderFunctionArgs } from '@remix-run/node';
import { openCooperativeOrderStream } from '~/utils/fulfilment.server';
import { requireStaff } from '~/utils/staff.server';

/**
 * Resource route: the orders service's stream of the cooperative's order changes, proxied with the
 * staff member's orders token so the token never reaches the browser. The queue page listens with
 * EventSource and refetches its loader on every event; the stream ends when the page goes
 * (request.signal). EventSource reconnects by itself, and each reconnect asks for a fresh token.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireStaff(request, params.slug, 'pesanan');
  let upstream: Response;
  try {
    upstream = await openCooperativeOrderStream(ctx.auth.tokens.orders, ctx.cooperativeId, request.signal);
  } catch {
    return new Response('orders service unavailable', { status: 503, headers: { 'Retry-After': '5' } });
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    const status = upstream.status === 404 || upstream.status === 403 ? 404 : 503;
    return new Response(null, { status });
  }
  return new Response(upstream.body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform keeps compression from buffering the stream.
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
