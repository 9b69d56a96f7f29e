import { describe, expect, it } from 'vitest';
import { aCooperative, pickupOrder } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';

const ALL = ['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card'] as const;
const key = () => ({ 'Idempotency-Key': `checkout-${Math.random().toString(36).slice(2)}` });

describe('GET /cooperatives/{cooperativeId}/payment-methods', () => {
  it("offers every platform method when the cooperative's snapshot names none", async () => {
    const shop = await shopWithProducts({ paymentMethods: ['cash', 'qris', 'card'] });
    const res = await send(shop.app, 'GET', '/cooperatives/karangbesuki/payment-methods');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cooperativeId: 'karangbesuki', paymentMethods: ['cash', 'qris', 'card'] });
  });

  it("offers the cooperative's methods that the platform also takes, in a fixed order", async () => {
    const shop = await shopWithProducts({ paymentMethods: [...ALL].reverse() });
    await shop.stores.cooperatives.upsert(
      aCooperative({ paymentMethods: ['card', 'qris', 'cash'] }),
      new Date(Date.now() + 1000),
    );
    const res = await send(shop.app, 'GET', '/cooperatives/karangbesuki/payment-methods');
    expect(res.body.paymentMethods).toEqual(['cash', 'qris', 'card']);
  });

  it('is 404 for an unknown cooperative', async () => {
    const shop = await shopWithProducts();
    const res = await send(shop.app, 'GET', '/cooperatives/nowhere/payment-methods');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('COOPERATIVE.NOT_FOUND');
  });
});

describe('POST /orders with a payment method', () => {
  it('refuses a platform method the cooperative does not offer: 400 naming paymentMethod and the choices', async () => {
    const shop = await shopWithProducts({ paymentMethods: [...ALL] });
    await shop.stores.cooperatives.upsert(
      aCooperative({ paymentMethods: ['cash', 'qris'] }),
      new Date(Date.now() + 1000),
    );
    const cartId = await shop.cartWithKeripik(1);
    const res = await send(
      shop.app,
      'POST',
      '/orders',
      pickupOrder(cartId, { paymentMethod: 'card' }),
      key(),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('paymentMethod');
    expect(JSON.stringify(res.body)).toContain('choose cash, qris');
    expect(shop.stores.orders.byId.size).toBe(0);
  });

  it('places the order with a method both offer', async () => {
    const shop = await shopWithProducts({ paymentMethods: [...ALL] });
    await shop.stores.cooperatives.upsert(
      aCooperative({ paymentMethods: ['gopay'] }),
      new Date(Date.now() + 1000),
    );
    const cartId = await shop.cartWithKeripik(1);
    const res = await send(
      shop.app,
      'POST',
      '/orders',
      pickupOrder(cartId, { paymentMethod: 'gopay' }),
      key(),
    );
    expect(res.status).toBe(201);
    expect(res.body.order.paymentMethod).toBe('gopay');
  });

  it('refuses a method the platform does not take, whatever the cooperative says', async () => {
    const shop = await shopWithProducts({ paymentMethods: ['cash'] });
    await shop.stores.cooperatives.upsert(
      aCooperative({ paymentMethods: ['cash', 'card'] }),
      new Date(Date.now() + 1000),
    );
    const cartId = await shop.cartWithKeripik(1);
    const res = await send(
      shop.app,
      'POST',
      '/orders',
      pickupOrder(cartId, { paymentMethod: 'card' }),
      key(),
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('paymentMethod');
  });
});
