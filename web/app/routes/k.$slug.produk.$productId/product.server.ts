import { type ActionFunctionArgs, data, type LoaderFunctionArgs, redirect } from '@remix-run/node';
import { AddToCartSchema } from '~/schemas/add-to-cart.schema';
import { type FieldError, type FieldErrors, parseForm } from '~/schemas/form';
import { changeCart, loadCart, quantityInCart } from '~/utils/cart.server';
import { getProduct, type LimitedProductView } from '~/utils/catalog.server';
import { requireSlug } from '~/utils/cooperative.server';
import { ApiError, isApiError, notFound } from '~/utils/http.server';
import { addCartLine } from '~/utils/orders.server';
import { commitSession, flashNotice, getSession, takeNotice } from '~/utils/session.server';
import type { ProductView } from '~/utils/views';

/** A published product of THIS cooperative, or a 404 (malformed ids are not even looked up). */
async function requireProduct(slug: string, productId: string | undefined): Promise<LimitedProductView> {
  if (!productId || !/^[0-9a-f]{24}$/.test(productId)) throw notFound('product');
  try {
    const product = await getProduct(productId);
    if (product.cooperativeId !== slug || product.status !== 'published') throw notFound('product');
    return product;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) throw notFound('product');
    throw error;
  }
}

export async function loadProduct({ request, params }: LoaderFunctionArgs) {
  const slug = requireSlug(params.slug);
  const session = await getSession(request);
  const product = await requireProduct(slug, params.productId);
  const notice = takeNotice(session);
  return data({ product, notice }, { headers: notice ? { 'Set-Cookie': await commitSession(session) } : {} });
}

const fail = (status: 400 | 409, errors: FieldErrors) => data({ errors }, { status });

/** The stock and per-order limit checks a shopper should hear about before the order is placed. */
function checkAgainst(product: ProductView, inCart: number, quantity: number): FieldError | null {
  const available = product.inStock ? product.stock.available : 0;
  if (available <= 0) return 'errors.outOfStock';
  const limit = product.maxPerOrder;
  if (limit !== null && inCart + quantity > limit) {
    return inCart > 0
      ? { key: 'errors.limitExceededInCart', vars: { limit, inCart } }
      : { key: 'errors.limitExceeded', vars: { limit } };
  }
  if (inCart + quantity > available) {
    return inCart > 0
      ? { key: 'errors.notEnoughStockInCart', vars: { available, inCart } }
      : { key: 'errors.notEnoughStock', vars: { available } };
  }
  return null;
}

/** What the orders service's refusal means for the shopper. */
function refusal(error: ApiError, product: ProductView): FieldError {
  if (error.code === 'CART.LIMIT_EXCEEDED') {
    return { key: 'errors.limitExceeded', vars: { limit: product.maxPerOrder ?? 1 } };
  }
  if (error.code === 'PRODUCT.NOT_FOUND') return 'errors.productUnavailable';
  if (error.code === 'CART.WRONG_COOPERATIVE') return 'errors.wrongCooperative';
  return 'errors.generic';
}

/** "Tambah ke keranjang": validate, check stock and limit, add, then redirect back (post/redirect/get). */
export async function addToCart({ request, params }: ActionFunctionArgs) {
  const slug = requireSlug(params.slug);
  const parsed = parseForm(AddToCartSchema, await request.formData());
  if (!parsed.ok) return fail(400, parsed.errors);
  if (parsed.data.productId !== params.productId) {
    return fail(400, { quantity: 'errors.invalidForm' });
  }
  const session = await getSession(request);
  const product = await requireProduct(slug, params.productId);
  const problem = checkAgainst(
    product,
    quantityInCart(await loadCart(session, slug), product.id),
    parsed.data.quantity,
  );
  if (problem) return fail(409, { quantity: problem });
  try {
    await changeCart(session, slug, (cartId) => addCartLine(cartId, product.id, parsed.data.quantity));
  } catch (error) {
    if (error instanceof ApiError && error.status < 500)
      return fail(409, { quantity: refusal(error, product) });
    throw error;
  }
  flashNotice(session, 'product.added', { name: product.name });
  return redirect(`/k/${slug}/produk/${product.id}`, {
    headers: { 'Set-Cookie': await commitSession(session) },
  });
}
