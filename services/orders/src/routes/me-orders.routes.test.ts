import { describe, expect, it } from 'vitest';
import { bearer, issuer, pickupOrder } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';

const key = () => ({ 'Idempotency-Key': `checkout-${Math.random().toString(36).slice(2)}` });

describe('POST /orders with an access token', () => {
  it("records the signed-in buyer from the token; a guest's order has none", async () => {
    const shop = await shopWithProducts();
    const signedIn = await shop.placedOrder({}, undefined, { headers: await bearer('per_ani') });
    const guest = await shop.placedOrder();
    expect(shop.stores.orders.byId.get(signedIn.order.id)?.buyerPersonId).toBe('per_ani');
    expect(shop.stores.orders.byId.get(guest.order.id)?.buyerPersonId).toBeNull();
  });

  it('never takes the buyer from the body: 400 naming the field, nothing placed', async () => {
    const shop = await shopWithProducts();
    const cartId = await shop.cartWithKeripik();
    for (const field of ['buyerPersonId', 'personId']) {
      const res = await send(
        shop.app,
        'POST',
        '/orders',
        pickupOrder(cartId, { [field]: 'per_budi' }),
        key(),
      );
      expect([res.status, res.body.details.issues[0].field]).toEqual([400, field]);
    }
    expect(shop.stores.orders.byId.size).toBe(0);
  });

  it('refuses an expired or foreign token with 401 and places nothing', async () => {
    const shop = await shopWithProducts();
    const cartId = await shop.cartWithKeripik();
    const expired = await issuer.token({ personId: 'per_ani' }, { service: 'orders', ttlSeconds: -60 });
    const forCatalog = await issuer.token({ personId: 'per_ani' }, { service: 'catalog' });
    for (const token of [expired, forCatalog]) {
      const res = await send(shop.app, 'POST', '/orders', pickupOrder(cartId), {
        ...key(),
        Authorization: `Bearer ${token}`,
      });
      expect([res.status, res.body.code]).toEqual([401, 'AUTH.INVALID_TOKEN']);
    }
    expect(shop.stores.orders.byId.size).toBe(0);
  });
});

describe('GET /me/orders (Pesanan saya)', () => {
  it('shows each person only their own orders, across cooperatives, newest first', async () => {
    const shop = await shopWithProducts();
    const ani = await bearer('per_ani');
    const budi = await bearer('per_budi');
    const aniKarbes = await shop.placedOrder({}, undefined, { headers: ani });
    shop.advance(60_000);
    const budiKarbes = await shop.placedOrder({}, undefined, { headers: budi });
    shop.advance(60_000);
    const aniDinoyo = await shop.placedOrder({}, undefined, { cooperativeId: 'dinoyo', headers: ani });
    shop.advance(60_000);
    await shop.placedOrder(); // a guest

    const mine = await send(shop.app, 'GET', '/me/orders', undefined, ani);
    expect(mine.status).toBe(200);
    expect(
      mine.body.items.map((o: { id: string; cooperativeId: string }) => [o.id, o.cooperativeId]),
    ).toEqual([
      [aniDinoyo.order.id, 'dinoyo'],
      [aniKarbes.order.id, 'karangbesuki'],
    ]);
    expect(mine.body.nextCursor).toBeNull();
    const his = await send(shop.app, 'GET', '/me/orders', undefined, budi);
    expect(his.body.items.map((o: { id: string }) => o.id)).toEqual([budiKarbes.order.id]);
    const nobody = await send(shop.app, 'GET', '/me/orders', undefined, await bearer('per_citra'));
    expect(nobody.body).toEqual({ items: [], nextCursor: null });
  });

  it('pages with limit and cursor', async () => {
    const shop = await shopWithProducts();
    const ani = await bearer('per_ani');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await shop.placedOrder({}, undefined, { headers: ani })).order.id);
      shop.advance(1_000);
    }
    const first = await send(shop.app, 'GET', '/me/orders?limit=2', undefined, ani);
    expect(first.body.items.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[1]]);
    const rest = await send(
      shop.app,
      'GET',
      `/me/orders?limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      ani,
    );
    expect([rest.body.items.map((o: { id: string }) => o.id), rest.body.nextCursor]).toEqual([
      [ids[0]],
      null,
    ]);
  });

  it('is 401 without a token; bad paging input is 400 naming the field', async () => {
    const shop = await shopWithProducts();
    expect((await send(shop.app, 'GET', '/me/orders')).status).toBe(401);
    const ani = await bearer('per_ani');
    for (const [query, field] of [
      ['limit=0', 'query.limit'],
      ['cursor=abc', 'query.cursor'],
    ]) {
      const res = await send(shop.app, 'GET', `/me/orders?${query}`, undefined, ani);
      expect([res.status, res.body.details.issues[0].field]).toEqual([400, field]);
    }
  });
});
