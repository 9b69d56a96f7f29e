import type { LoaderFunctionArgs } from '@remix-run/node';
import { loadCart } from '~/utils/cart.server';
import { requireCooperative } from '~/utils/cooperative.server';
import { getSession } from '~/utils/session.server';

export async function loadMarket({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const [cooperative, cart] = await Promise.all([
    requireCooperative(params.slug),
    // The cart badge is a nicety: if orders is down the market still opens.
    loadCart(session, params.slug ?? '').catch(() => null),
  ]);
  return { cooperative, cartCount: cart?.itemCount ?? 0 };
}
