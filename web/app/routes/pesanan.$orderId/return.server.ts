import { type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { isApiError, notFound } from '~/utils/http.server';
import { requireOrderAccess } from '~/utils/order-access.server';
import { getOrder } from '~/utils/orders.server';
import { getSession } from '~/utils/session.server';

/**
 * Where Midtrans and Stripe send the shopper back (`${STOREFRONT_URL}/pesanan/<orderId>`): on to the
 * order's page in its market, for an order this browser holds a token for (else 404). The
 * provider's query parameters (status, transaction ids) are ignored: the page reads the truth
 * from the orders service.
 */
export async function returnToOrder({ request, params }: LoaderFunctionArgs) {
  const { orderId, token } = requireOrderAccess(await getSession(request), params.orderId);
  try {
    const order = await getOrder(orderId, token);
    return redirect(`/k/${order.cooperativeId}/pesanan/${order.id}`);
  } catch (error) {
    if (isApiError(error) && error.status < 500) throw notFound('order');
    throw error;
  }
}
