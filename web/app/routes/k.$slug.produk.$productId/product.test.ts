import { describe, expect, it } from 'vitest';
import { DINOYO_KOPI, HABIS, KERIPIK, LPG } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { addToCart, loadProduct } from './product.server';

const services = installFakeServices();
const slug = 'karangbesuki';
const load = (productId: string, cookie = '') =>
  run<Record<string, unknown>>(() =>
    loadProduct(args(get(`/k/${slug}/produk/${productId}`, cookie), { slug, productId })),
  );
const add = (productId: string, quantity: string, cookie = '') =>
  run<{ errors: Record<string, unknown> }>(() =>
    addToCart(
      args(post(`/k/${slug}/produk/${productId}`, { productId, quantity }, cookie), { slug, productId }),
    ),
  );
const cartCalls = () => services.current.calls.filter((c) => c.url.pathname.startsWith('/carts'));

describe('product loader', () => {
  it('shows a product of this cooperative', async () => {
    const res = await load(LPG.id);
    expect(res.status).toBe(200);
    expect(res.data.product).toMatchObject({ name: 'LPG 3 kg (isi ulang)', maxPerOrder: 1, unit: 'tabung' });
  });

  it('is a 404 for a malformed id, without asking the catalog', async () => {
    const res = await load('not-an-id');
    expect(res.status).toBe(404);
    expect(res.data).toEqual({ reason: 'not-found', what: 'product' });
    expect(services.current.calls).toHaveLength(0);
  });

  it('is a 404 for an unknown product and for another cooperative’s product', async () => {
    expect((await load('ffffffffffffffffffffffff')).status).toBe(404);
    expect((await load(DINOYO_KOPI.id)).status).toBe(404);
  });

  it('is a 503 when the catalog is down', async () => {
    services.current.down.add('catalog');
    expect((await load(KERIPIK.id)).status).toBe(503);
  });
});

describe('add to cart action', () => {
  it('adds, remembers the new cart in the cookie and redirects back with a notice', async () => {
    const res = await add(KERIPIK.id, '2');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/k/${slug}/produk/${KERIPIK.id}`);
    const cart = [...services.current.carts.values()][0];
    expect(cart?.lines).toEqual([
      expect.objectContaining({ productId: KERIPIK.id, quantity: 2, lineTotal: 30_000 }),
    ]);
    const page = await load(KERIPIK.id, cookieOf(res.headers));
    expect(page.data.notice).toEqual({ key: 'product.added', vars: { name: KERIPIK.name } });
  });

  it.each([
    ['0', 'errors.quantityMin'],
    ['-1', 'errors.quantityMin'],
    ['abc', 'errors.quantityWhole'],
  ])('rejects quantity %s with 400 and touches no cart', async (quantity, message) => {
    const res = await add(KERIPIK.id, quantity);
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ quantity: message });
    expect(cartCalls()).toHaveLength(0);
  });

  it('says "Maks. 1 per pesanan" for two tabung of subsidised LPG', async () => {
    const res = await add(LPG.id, '2');
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({ quantity: { key: 'errors.limitExceeded', vars: { limit: 1 } } });
    expect(cartCalls()).toHaveLength(0);
  });

  it('counts what is already in the cart against the limit', async () => {
    const cookie = await cartWith(LPG.id, 1);
    const res = await add(LPG.id, '1', cookie);
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({
      quantity: { key: 'errors.limitExceededInCart', vars: { limit: 1, inCart: 1 } },
    });
  });

  it('says the product is sold out', async () => {
    const res = await add(HABIS.id, '1');
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({ quantity: 'errors.outOfStock' });
  });

  it('says how many are left when asking for more than the stock', async () => {
    const res = await add(KERIPIK.id, '13');
    expect(res.status).toBe(409);
    expect(res.data.errors).toEqual({ quantity: { key: 'errors.notEnoughStock', vars: { available: 12 } } });
  });

  it('starts a new cart when the remembered one is gone', async () => {
    const cookie = await cartWith(KERIPIK.id, 1);
    services.current.carts.clear();
    const res = await add(KERIPIK.id, '1', cookie);
    expect(res.status).toBe(302);
    expect(services.current.carts.size).toBe(1);
    expect(cookieOf(res.headers)).not.toBe(cookie);
  });

  it('rejects a form whose product is not the page’s product', async () => {
    const res = await run<{ errors: unknown }>(() =>
      addToCart(
        args(post(`/k/${slug}/produk/${KERIPIK.id}`, { productId: LPG.id, quantity: '1' }), {
          slug,
          productId: KERIPIK.id,
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(cartCalls()).toHaveLength(0);
  });
});
