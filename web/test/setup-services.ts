import { afterEach, beforeEach, vi } from 'vitest';
import { addToCart } from '~/routes/k.$slug.produk.$productId/product.server';
import { type FakeServices, fakeServices } from './fake-services';
import { args, cookieOf, post, run } from './route-helpers';

/** Fresh fake services for every test, installed as the global fetch; quiet "service down" logs. */
export function installFakeServices(): { readonly current: FakeServices } {
  const holder: { current: FakeServices } = { current: fakeServices() };
  beforeEach(() => {
    holder.current = fakeServices();
    vi.stubGlobal('fetch', holder.current.fetch);
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  return holder;
}

/** Puts a product in the cart through the real product-page action; returns the session cookie. */
export async function cartWith(
  productId: string,
  quantity = 1,
  cookie = '',
  slug = 'karangbesuki',
): Promise<string> {
  const res = await run(() =>
    addToCart(
      args(post(`/k/${slug}/produk/${productId}`, { productId, quantity: String(quantity) }, cookie), {
        slug,
        productId,
      }),
    ),
  );
  if (res.status !== 302) throw new Error(`could not add to cart: ${res.status} ${JSON.stringify(res.data)}`);
  return cookieOf(res.headers, cookie);
}
