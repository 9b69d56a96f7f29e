import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { CancelOrderSchema } from '~/schemas/cancel-order.schema';
import { parseForm } from '~/schemas/form';
import { requireSlug } from '~/utils/cooperative.server';
import { isApiError, notFound } from '~/utils/http.server';
import { isOrderId, requireOrderAccess } from '~/utils/order-access.server';
import { getShopperOrder, type ShopperOrderWithFulfilment } from '~/utils/fulfilment.server';
import { cancelOrder } from '~/utils/orders.server';
import { publicUrl } from '~/utils/origin.server';
import { commitSession, flashNotice, getSession, rememberOrder, takeNotice } from '~/utils/session.server';

async function fetchOrder(slug: string, orderId: string, token: string): Promise<ShopperOrderWithFulfilment> {
  try {
    const order = await getShopperOrder(orderId, token);
    if (order.cooperativeId !== slug) throw notFound('order');
    return order;
  } catch (error) {
    if (isApiError(error) && error.status < 500) throw notFound('order');
    throw error;
  }
}

export async function loadOrder({ request, params, context }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const url = new URL(request.url);
  const linkToken = url.searchParams.get('token');
  if (linkToken && isOrderId(params.orderId) && linkToken.length <= 256) {
    // The secret link: check it, keep the token in the cookie, and drop it from the address bar.
    await fetchOrder(slug, params.orderId, linkToken);
    rememberOrder(session, params.orderId, linkToken);
    throw redirect(url.pathname, { headers: { 'Set-Cookie': await commitSession(session) } });
  }
  const { orderId, token } = requireOrderAccess(session, params.orderId);
  const order = await fetchOrder(slug, orderId, token);
  const notice = takeNotice(session);
  // Built for the address shoppers use (https behind the TLS proxy), not the scheme the app itself was reached on.
  const secretLink = publicUrl(request, context, `${url.pathname}?token=${encodeURIComponent(token)}`);
  return data(
    { order, notice, secretLink },
    {
      headers: {
        'Cache-Control': 'no-store',
        ...(notice ? { 'Set-Cookie': await commitSession(session) } : {}),
      },
    },
  );
}

/** "Batalkan pesanan": possible until packing starts; then back to the order (post/redirect/get). */
export async function cancelOrderAction({ request, params }: ActionFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const { orderId, token } = requireOrderAccess(session, params.orderId);
  const parsed = parseForm(CancelOrderSchema, await request.formData());
  if (!parsed.ok) return data({ error: 'errors.invalidForm' as const }, { status: 400 });
  try {
    await cancelOrder(orderId, token);
  } catch (error) {
    if (isApiError(error, 'ORDER.CANNOT_CANCEL'))
      return data({ error: 'order.cannotCancel' as const }, { status: 409 });
    if (isApiError(error) && error.status === 404) throw notFound('order');
    throw error;
  }
  flashNotice(session, 'order.cancelled');
  return redirect(`/k/${slug}/pesanan/${orderId}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
