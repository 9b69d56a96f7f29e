import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { CartLineSchema } from '~/schemas/cart-line.schema';
import { type FieldError, parseForm } from '~/schemas/form';
import { loadCart } from '~/utils/cart.server';
import { getProduct } from '~/utils/catalog.server';
import { requireSlug } from '~/utils/cooperative.server';
import { ApiError } from '~/utils/http.server';
import { removeCartLine, setCartLine } from '~/utils/orders.server';
import { commitSession, flashNotice, getCartId, getSession, takeNotice } from '~/utils/session.server';
import type { CartView } from '~/utils/views';

export interface LineStock {
  available: number;
}

/** Current stock of each line, to warn before checkout; the catalog being down only loses the warnings. */
async function stockOf(cart: CartView | null): Promise<Record<string, LineStock>> {
  if (!cart) return {};
  const results = await Promise.allSettled(cart.lines.map((line) => getProduct(line.productId)));
  const stock: Record<string, LineStock> = {};
  results.forEach((result, i) => {
    const line = cart.lines[i];
    if (!line) return;
    if (result.status === 'fulfilled') {
      stock[line.productId] = { available: result.value.inStock ? result.value.stock.available : 0 };
    } else if (result.reason instanceof ApiError && result.reason.status === 404) {
      stock[line.productId] = { available: 0 };
    }
  });
  return stock;
}

export async function loadCartPage({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const cart = await loadCart(session, slug);
  const notice = takeNotice(session);
  return data(
    { cart, stock: await stockOf(cart), notice },
    { headers: notice ? { 'Set-Cookie': await commitSession(session) } : {} },
  );
}

type LineFailure = { productId: string | null; error: FieldError };
const fail = (status: 400 | 409 | 404, failure: LineFailure) => data({ failure }, { status });

/** Change a line's quantity or remove it, then back to the cart (post/redirect/get). */
export async function changeCartLine({ request, params }: ActionFunctionArgs) {
  const slug = requireSlug(params.slug);
  const form = await request.formData();
  const parsed = parseForm(CartLineSchema, form);
  const productId = typeof form.get('productId') === 'string' ? (form.get('productId') as string) : null;
  if (!parsed.ok) {
    return fail(400, {
      productId,
      error: parsed.errors.quantity ?? parsed.errors.productId ?? 'errors.invalidForm',
    });
  }
  const session = await getSession(request);
  const cartId = getCartId(session, slug);
  if (!cartId) return fail(404, { productId, error: 'errors.cartEmpty' });
  const line = parsed.data;
  try {
    if (line.intent === 'remove') await removeCartLine(cartId, line.productId);
    else await setCartLine(cartId, line.productId, line.quantity);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    if (error.code === 'CART.LIMIT_EXCEEDED') {
      const limit = Number((error.details as { limit?: unknown } | undefined)?.limit);
      return fail(409, {
        productId: line.productId,
        error: Number.isInteger(limit) ? { key: 'errors.limitExceeded', vars: { limit } } : 'errors.generic',
      });
    }
    if (error.code === 'CART.NOT_FOUND') return fail(404, { productId, error: 'errors.cartEmpty' });
    return fail(error.status === 404 ? 404 : 409, { productId: line.productId, error: 'errors.generic' });
  }
  flashNotice(session, line.intent === 'remove' ? 'cart.removed' : 'cart.updated');
  return redirect(`/k/${slug}/keranjang`, { headers: { 'Set-Cookie': await commitSession(session) } });
}
