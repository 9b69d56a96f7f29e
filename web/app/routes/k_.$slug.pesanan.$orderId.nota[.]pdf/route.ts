import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireSlug } from '~/utils/cooperative.server';
import { fetchNotaPdf } from '~/utils/fulfilment.server';
import { proxyNotaPdf } from '~/utils/nota.server';
import { requireOrderAccess } from '~/utils/order-access.server';
import { getSession } from '~/utils/session.server';

/** Resource route: "Unduh nota (PDF)" for an order this browser holds the token of (the token stays here). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireSlug(params.slug);
  const { orderId, token } = requireOrderAccess(await getSession(request), params.orderId);
  return proxyNotaPdf((signal) => fetchNotaPdf({ shopper: { orderToken: token } }, orderId, signal), orderId);
}
