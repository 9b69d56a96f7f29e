import { describe, expect, it } from 'vitest';
import { KERIPIK, LPG } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { changeCartLine, loadCartPage } from './cart.server';

const services = installFakeServices();
const params = { slug: 'karangbesuki' };
const load = (cookie: string) =>
  run<Record<string, unknown>>(() => loadCartPage(args(get('/k/karangbesuki/keranjang', cookie), params)));
const change = (fields: Record<string, string>, cookie: string) =>
  run<{ failure: unknown }>(() =>
    changeCartLine(args(post('/k/karangbesuki/keranjang', fields, cookie), params)),
  );

describe('cart page', () => {
  it('is empty for a new shopper, without creating a cart', async () => {
    const res = await load('');
    expect(res.data.cart).toBeNull();
    expect(services.current.calls).toHaveLength(0);
  });

  it('changes a quantity and comes back with a notice (post/redirect/get)', async () => {
    const cookie = await cartWith(KERIPIK.id, 1);
    const res = await change({ intent: 'update', productId: KERIPIK.id, quantity: '3' }, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/k/karangbesuki/keranjang');
    const page = await load(cookieOf(res.headers, cookie));
    expect(page.data).toMatchObject({
      cart: { itemCount: 3, subtotal: 45_000 },
      notice: { key: 'cart.updated' },
      stock: { [KERIPIK.id]: { available: 12 } },
    });
  });

  it('removes a line', async () => {
    const cookie = await cartWith(KERIPIK.id, 1);
    await change({ intent: 'remove', productId: KERIPIK.id }, cookie);
    const page = await load(cookie);
    expect(page.data.cart).toMatchObject({ lines: [], itemCount: 0 });
  });

  it('shows the per-order limit the orders service enforces', async () => {
    const cookie = await cartWith(LPG.id, 1);
    const res = await change({ intent: 'update', productId: LPG.id, quantity: '3' }, cookie);
    expect(res.status).toBe(409);
    expect(res.data.failure).toEqual({
      productId: LPG.id,
      error: { key: 'errors.limitExceeded', vars: { limit: 1 } },
    });
  });

  it('rejects quantity 0 with 400 on that line and changes nothing', async () => {
    const cookie = await cartWith(KERIPIK.id, 2);
    const before = services.current.calls.length;
    const res = await change({ intent: 'update', productId: KERIPIK.id, quantity: '0' }, cookie);
    expect(res.status).toBe(400);
    expect(res.data.failure).toEqual({ productId: KERIPIK.id, error: 'errors.quantityMin' });
    expect(services.current.calls.length).toBe(before);
  });

  it('warns when a line asks for more than the stock left', async () => {
    const cookie = await cartWith(KERIPIK.id, 5);
    const product = services.current.products.get(KERIPIK.id);
    if (product) product.stock.available = 2;
    const page = await load(cookie);
    expect(page.data.stock).toEqual({ [KERIPIK.id]: { available: 2 } });
  });

  it('still opens without stock warnings when the catalog is down', async () => {
    const cookie = await cartWith(KERIPIK.id, 1);
    services.current.down.add('catalog');
    const page = await load(cookie);
    expect(page.status).toBe(200);
    expect(page.data.stock).toEqual({});
  });
});
