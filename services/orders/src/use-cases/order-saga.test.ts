import { describe, expect, it } from 'vitest';
import { paymentSucceeded, stockRejected, stockReserved } from '../test/events';
import { shopWithProducts } from '../test/http';
import { applyPaymentSucceeded } from './apply-payment-succeeded';
import { applyStockRejected } from './apply-stock-rejected';
import { applyStockReserved } from './apply-stock-reserved';
import { expireDueOrders } from './expire-due-orders';

describe('checkout saga (orders side)', () => {
  it('confirms a cash order when stock is held: payment requested, confirmed, pickup code', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    await applyStockReserved(shop.deps, stockReserved(order.id, shop.keripik.productId));
    const stored = await shop.stores.orders.findById(order.id);
    expect(stored?.status).toBe('CONFIRMED');
    expect(stored?.pickupCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(stored?.timeline.map((t) => t.status)).toEqual(['PLACED', 'CONFIRMED']);
    expect(shop.stores.orders.eventTypes()).toEqual([
      'pasar.orders.order.placed',
      'pasar.orders.order.payment-requested',
      'pasar.orders.order.confirmed',
    ]);
  });

  it('carries the correlation of the stock event into the events it causes', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    const cause = stockReserved(order.id, shop.keripik.productId);
    await applyStockReserved(shop.deps, cause);
    const confirmed = shop.stores.orders.outbox.at(-1);
    expect([confirmed?.causationid, confirmed?.correlationid]).toEqual([cause.id, cause.correlationid]);
  });

  it('treats a redelivered StockReserved as a no-op', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    const evt = stockReserved(order.id, shop.keripik.productId);
    await applyStockReserved(shop.deps, evt);
    const code = (await shop.stores.orders.findById(order.id))?.pickupCode;
    await applyStockReserved(shop.deps, evt);
    expect(shop.stores.orders.outbox).toHaveLength(3);
    expect((await shop.stores.orders.findById(order.id))?.pickupCode).toBe(code);
  });

  it('makes an online order wait for payment, then PAID with OrderConfirmed', async () => {
    const shop = await shopWithProducts({ paymentMethods: ['cash', 'qris'] });
    const { order } = await shop.placedOrder({ paymentMethod: 'qris' });
    await applyStockReserved(shop.deps, stockReserved(order.id, shop.keripik.productId));
    expect((await shop.stores.orders.findById(order.id))?.status).toBe('AWAITING_PAYMENT');
    expect(shop.stores.orders.eventTypes().at(-1)).toBe('pasar.orders.order.payment-requested');
    await applyPaymentSucceeded(shop.deps, paymentSucceeded(order.id, 1));
    expect((await shop.stores.orders.findById(order.id))?.status).toBe('AWAITING_PAYMENT');
    await applyPaymentSucceeded(shop.deps, paymentSucceeded(order.id, 30_000));
    const paid = await shop.stores.orders.findById(order.id);
    expect([paid?.status, paid?.pickupCode?.length]).toEqual(['PAID', 6]);
    expect(shop.stores.orders.eventTypes().at(-1)).toBe('pasar.orders.order.confirmed');
  });

  it('rejects with the reason kept for the shopper', async () => {
    const shop = await shopWithProducts();
    const { order } = await shop.placedOrder();
    await applyStockRejected(shop.deps, stockRejected(order.id, shop.keripik.productId, 2, 1));
    const stored = await shop.stores.orders.findById(order.id);
    expect(stored?.status).toBe('REJECTED');
    expect(stored?.rejection).toEqual({
      reason: 'INSUFFICIENT_STOCK',
      productId: shop.keripik.productId,
      productName: shop.keripik.name,
      requested: 2,
      available: 1,
    });
    expect(shop.stores.orders.eventTypes().at(-1)).toBe('pasar.orders.order.rejected');
    await applyStockReserved(shop.deps, stockReserved(order.id, shop.keripik.productId));
    expect((await shop.stores.orders.findById(order.id))?.status).toBe('REJECTED');
  });

  it('expires only unconfirmed orders past their time, once', async () => {
    const shop = await shopWithProducts();
    const waiting = await shop.placedOrder();
    const confirmed = await shop.placedOrder();
    await applyStockReserved(shop.deps, stockReserved(confirmed.order.id, shop.keripik.productId));
    expect(await expireDueOrders(shop.deps)).toBe(0);
    shop.advance(30 * 60_000);
    expect(await expireDueOrders(shop.deps)).toBe(1);
    expect(await expireDueOrders(shop.deps)).toBe(0);
    expect((await shop.stores.orders.findById(waiting.order.id))?.status).toBe('EXPIRED');
    expect((await shop.stores.orders.findById(confirmed.order.id))?.status).toBe('CONFIRMED');
    expect(shop.stores.orders.eventTypes().filter((t) => t.endsWith('expired'))).toHaveLength(1);
  });

  it('repairs the expiry queue: a lost entry is found by the full scan, a stale one is dropped', async () => {
    const shop = await shopWithProducts();
    const lost = await shop.placedOrder();
    const settled = await shop.placedOrder();
    await shop.stores.expiries.remove(lost.order.id); // as if the process died before queuing it
    await applyStockReserved(shop.deps, stockReserved(settled.order.id, shop.keripik.productId));
    await shop.stores.expiries.add(settled.order.id, new Date(0)); // as if its removal was lost
    shop.advance(30 * 60_000);

    expect(await expireDueOrders(shop.deps)).toBe(0);
    expect(shop.stores.expiries.byId.has(settled.order.id)).toBe(false);
    expect(await expireDueOrders(shop.deps, { fullScan: true })).toBe(1);
    expect((await shop.stores.orders.findById(lost.order.id))?.status).toBe('EXPIRED');
    expect((await shop.stores.orders.findById(settled.order.id))?.status).toBe('CONFIRMED');
  });
});
