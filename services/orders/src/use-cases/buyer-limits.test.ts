import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { stockRejected } from '../test/events';
import { aCooperative, aProduct, appDeps, pickupOrder } from '../test/fixtures';
import { send } from '../test/http';
import { applyStockRejected } from './apply-stock-rejected';
import { expireDueOrders } from './expire-due-orders';

const NIK = '3573011203900004';
const OTHER_NIK = '3573014506920001';

/** Karangbesuki with an LPG limited to 2 tabung per buyer per week (the memory clock: Mon 23 Nov 2026). */
async function subsidisedShop() {
  const t = appDeps();
  const lpg = aProduct({
    name: 'LPG 3 kg',
    unit: 'tabung',
    category: 'lpg',
    price: 18_000,
    maxPerOrder: 2,
    buyerLimit: { quantity: 2, period: 'week' },
    het: true,
  });
  const keripik = aProduct();
  await t.stores.products.upsert(lpg);
  await t.stores.products.upsert(keripik);
  await t.stores.cooperatives.upsert(aCooperative(), new Date());
  const app = createApp(t.appDeps);
  async function checkout(quantity: number, extra: Record<string, unknown> = {}, productId = lpg.productId) {
    const cart = await send(app, 'POST', '/carts', { cooperativeId: 'karangbesuki' });
    await send(app, 'POST', `/carts/${cart.body.id}/lines`, { productId, quantity });
    return send(app, 'POST', '/orders', pickupOrder(cart.body.id, extra), {
      'Idempotency-Key': `key-${Math.random().toString(36).slice(2)}`,
    });
  }
  return { ...t, app, lpg, keripik, checkout };
}

describe('buyer limits at checkout', () => {
  it('requires buyerNik for a limited product, naming the field and never echoing it', async () => {
    const shop = await subsidisedShop();
    const missing = await shop.checkout(1);
    expect(missing.status).toBe(400);
    expect(missing.body.details.issues.map((i: { field: string }) => i.field)).toEqual(['buyerNik']);
    const bad = await shop.checkout(1, { buyerNik: '35730112039' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues.map((i: { field: string }) => i.field)).toEqual(['buyerNik']);
    expect(JSON.stringify(bad.body)).not.toContain('35730112039');
  });

  it('keeps only the keyed hash of the NIK on the order, and shows it nowhere', async () => {
    const shop = await subsidisedShop();
    const placed = await shop.checkout(1, { buyerNik: NIK });
    expect(placed.status).toBe(201);
    expect(JSON.stringify(placed.body)).not.toContain(NIK);
    expect(placed.body.order.lines[0]).toMatchObject({ unitPrice: 18_000, het: true });
    const stored = await shop.stores.orders.findById(placed.body.order.id);
    expect(stored?.buyerLimits?.nikHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(NIK);
    expect(JSON.stringify(shop.stores.orders.outbox)).not.toContain(stored?.buyerLimits?.nikHash);
  });

  it('refuses the unit past the limit with ORDER.BUYER_LIMIT, and another NIK still buys', async () => {
    const shop = await subsidisedShop();
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
    const refused = await shop.checkout(1, { buyerNik: NIK });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ORDER.BUYER_LIMIT');
    expect(refused.body.message).toBe(
      'LPG 3 kg: batas 2 tabung per minggu per NIK; bisa lagi mulai Senin 30 November 2026',
    );
    expect(refused.body.details).toEqual({
      productId: shop.lpg.productId,
      limit: 2,
      period: 'week',
      resetsAt: '2026-11-29T17:00:00.000Z',
      alreadyBought: 2,
    });
    expect((await shop.checkout(2, { buyerNik: OTHER_NIK })).status).toBe(201);
  });

  it('needs no NIK for goods without a buyer limit, and keeps none sent anyway', async () => {
    const shop = await subsidisedShop();
    const placed = await shop.checkout(2, { buyerNik: NIK }, shop.keripik.productId);
    expect(placed.status).toBe(201);
    expect((await shop.stores.orders.findById(placed.body.order.id))?.buyerLimits).toBeUndefined();
  });

  it('caps a cart line at the buyer limit even without a per-order limit', async () => {
    const shop = await subsidisedShop();
    const pupuk = aProduct({
      name: 'Urea',
      unit: 'sak',
      maxPerOrder: null,
      buyerLimit: { quantity: 2, period: 'month' },
    });
    await shop.stores.products.upsert(pupuk);
    const cart = await send(shop.app, 'POST', '/carts', { cooperativeId: 'karangbesuki' });
    const res = await send(shop.app, 'POST', `/carts/${cart.body.id}/lines`, {
      productId: pupuk.productId,
      quantity: 3,
    });
    expect([res.status, res.body.code, res.body.details.limit]).toEqual([409, 'CART.LIMIT_EXCEEDED', 2]);
  });

  it('counts again from Monday 00:00 WIB', async () => {
    const shop = await subsidisedShop();
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
    shop.advance(6 * 24 * 3600_000 + 6 * 3600_000); // Sun 29 Nov 23:00 WIB: still this week
    expect((await shop.checkout(1, { buyerNik: NIK })).status).toBe(409);
    shop.advance(3600_000); // Mon 30 Nov 00:00 WIB
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
  });
});

describe('buyer limits given back when an order ends unsold', () => {
  it('on a shopper cancel, once', async () => {
    const shop = await subsidisedShop();
    const placed = await shop.checkout(2, { buyerNik: NIK });
    const { id } = placed.body.order;
    const headers = { 'X-Order-Token': placed.body.accessToken };
    expect((await send(shop.app, 'POST', `/orders/${id}/cancel`, {}, headers)).status).toBe(200);
    expect((await send(shop.app, 'POST', `/orders/${id}/cancel`, {}, headers)).status).toBe(409);
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
    expect((await shop.checkout(1, { buyerNik: NIK })).status).toBe(409);
  });

  it('on a stock rejection, once even when the event comes twice', async () => {
    const shop = await subsidisedShop();
    const first = await shop.checkout(2, { buyerNik: NIK });
    const evt = stockRejected(first.body.order.id, shop.lpg.productId, 2, 0);
    await applyStockRejected(shop.deps, evt);
    await applyStockRejected(shop.deps, evt);
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
    expect((await shop.checkout(1, { buyerNik: NIK })).status).toBe(409);
  });

  it('on expiry', async () => {
    const shop = await subsidisedShop();
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
    shop.advance(31 * 60_000);
    expect(await expireDueOrders(shop.deps)).toBe(1);
    expect((await shop.checkout(2, { buyerNik: NIK })).status).toBe(201);
  });
});
