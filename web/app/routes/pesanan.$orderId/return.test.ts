import { describe, expect, it } from 'vitest';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { KERIPIK } from '../../../test/fixtures';
import { args, cookieOf, get, post, run } from '../../../test/route-helpers';
import { cartWith, installFakeServices } from '../../../test/setup-services';
import { returnToOrder } from './return.server';

installFakeServices();

async function placedOnline(): Promise<{ orderId: string; cookie: string }> {
  const cart = await cartWith(KERIPIK.id, 1);
  const fields = {
    idempotencyKey: `key-${Math.random()}`,
    name: 'Siti',
    phone: '081234567890',
    fulfilment: 'pickup',
    paymentMethod: 'qris',
  };
  const slug = 'karangbesuki';
  const res = await run(() => submitCheckout(args(post(`/k/${slug}/checkout`, fields, cart), { slug })));
  const orderId = (res.headers.get('Location') ?? '').split('/').pop() ?? '';
  return { orderId, cookie: cookieOf(res.headers, cart) };
}
const back = (orderId: string, cookie: string, query = '') =>
  run(() => returnToOrder(args(get(`/pesanan/${orderId}${query}`, cookie), { orderId })));

describe('GET /pesanan/:orderId (back from the payment provider)', () => {
  it("goes on to the order's page in its market, whatever status the provider put in the address", async () => {
    const { orderId, cookie } = await placedOnline();
    const res = await back(orderId, cookie, '?transaction_status=settlement&status_code=200');
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`/k/karangbesuki/pesanan/${orderId}`);
  });

  it('is a 404 in a browser that holds no token for the order, and for a malformed id', async () => {
    const { orderId } = await placedOnline();
    expect((await back(orderId, '')).status).toBe(404);
    expect((await back('ord_../../x', '')).status).toBe(404);
  });
});
