import { data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { requireAuth, signedOutByService } from '~/utils/auth.server';
import { isApiError } from '~/utils/http.server';
import { listCooperatives } from '~/utils/membership.server';
import { listMyOrders } from '~/utils/orders.server';
import { getOrderToken, getSession } from '~/utils/session.server';

/** "Pesanan saya": the signed-in person's orders (GET /me/orders with their orders token), newest first. */
export async function loadMyOrders({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const url = new URL(request.url);
  const cursor = url.searchParams.get('cursor') ?? undefined;
  let page: Awaited<ReturnType<typeof listMyOrders>>;
  try {
    page = await listMyOrders(auth.tokens.orders, cursor && cursor.length <= 512 ? cursor : undefined);
  } catch (error) {
    if (isApiError(error) && error.status === 401) throw await signedOutByService(request, auth);
    // A cursor the service no longer understands: start from the newest.
    if (isApiError(error) && error.status === 400 && cursor) throw redirect(url.pathname);
    throw error;
  }
  const [session, names] = await Promise.all([
    getSession(request),
    listCooperatives()
      .then((list) => Object.fromEntries(list.map((c) => [c.cooperativeId, c.marketName])))
      .catch(() => ({}) as Record<string, string>),
  ]);
  return data(
    {
      orders: page.items.map((o) => ({
        id: o.id,
        cooperativeId: o.cooperativeId,
        market: names[o.cooperativeId] ?? o.cooperativeId,
        status: o.status,
        total: o.total,
        itemCount: o.lines.reduce((sum, l) => sum + l.quantity, 0),
        createdAt: o.createdAt,
        // The order page opens with the order's own token; this browser has it when it placed the order here.
        openHere: getOrderToken(session, o.id) !== undefined,
      })),
      nextCursor: page.nextCursor,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
