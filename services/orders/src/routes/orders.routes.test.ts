import { describe, expect, it } from 'vitest';
import { aProduct, deliveryAddress, pickupOrder } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';

const key = (k = Math.random().toString(36).slice(2)) => ({ 'Idempotency-Key': `checkout-${k}` });

describe('POST /orders', () => {
  it('places a pickup order priced by the read model, with a one-time token, and empties the cart', async () => {
    const { app, cartWithKeripik, stores, keripik } = await shopWithProducts();
    const cartId = await cartWithKeripik(2);
    const res = await send(app, 'POST', '/orders', pickupOrder(cartId), key());
    expect(res.status).toBe(201);
    const { order, accessToken } = res.body;
    expect(accessToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.keys(order).sort()).toEqual(
      [
        'canCancel',
        'cancelReason',
        'cashReceived',
        'change',
        'contact',
        'cooperativeId',
        'createdAt',
        'deliveryFee',
        'expiresAt',
        'fulfilment',
        'handover',
        'id',
        'lines',
        'notaNumber',
        'payment',
        'paymentMethod',
        'pickupCode',
        'refund',
        'rejection',
        'status',
        'subtotal',
        'timeline',
        'total',
      ].sort(),
    );
    expect(order).toMatchObject({
      status: 'PLACED',
      notaNumber: 'KAR-2026-000001',
      handover: null,
      cashReceived: null,
      change: null,
      subtotal: 30_000,
      deliveryFee: 0,
      total: 30_000,
      fulfilment: { method: 'pickup' },
      contact: { name: 'Siti Aminah', phone: '+6281234567890' },
      paymentMethod: 'cash',
      pickupCode: null,
      rejection: null,
      cancelReason: null,
      payment: null,
      refund: null,
      canCancel: true,
      timeline: [{ status: 'PLACED' }],
    });
    expect(order.lines).toEqual([
      {
        productId: keripik.productId,
        name: keripik.name,
        unit: 'pack',
        unitPrice: 15_000,
        quantity: 2,
        lineTotal: 30_000,
        maxPerOrder: null,
        het: false,
      },
    ]);
    expect(order.id).toMatch(/^ord_[0-9A-Z]{26}$/);
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(30 * 60_000);
    expect((await send(app, 'GET', `/carts/${cartId}`)).body.lines).toEqual([]);
    const [placed] = stores.orders.outbox;
    expect(placed?.type).toBe('pasar.orders.order.placed');
    expect(JSON.stringify(placed)).not.toMatch(/Siti|812345|Karangbesuki No/);
  });

  it('adds the cooperative delivery fee for delivery, and refuses delivery where there is none', async () => {
    const { app, cartWithKeripik } = await shopWithProducts();
    const delivery = { method: 'delivery', address: deliveryAddress };
    const res = await send(
      app,
      'POST',
      '/orders',
      pickupOrder(await cartWithKeripik(2), { fulfilment: delivery }),
      key(),
    );
    expect(res.body.order).toMatchObject({
      subtotal: 30_000,
      deliveryFee: 5_000,
      total: 35_000,
      fulfilment: delivery,
    });
    const noAddress = await send(
      app,
      'POST',
      '/orders',
      pickupOrder(await cartWithKeripik(), { fulfilment: { method: 'delivery' } }),
      key(),
    );
    expect([noAddress.status, noAddress.body.details.issues[0].field]).toEqual([400, 'fulfilment.address']);
  });

  it('answers 409 ORDER.DELIVERY_UNAVAILABLE when the cooperative does not deliver', async () => {
    const { app, newCart, stores } = await shopWithProducts();
    const tempe = aProduct({ cooperativeId: 'dinoyo' });
    await stores.products.upsert(tempe);
    const cartId = await newCart('dinoyo');
    await send(app, 'POST', `/carts/${cartId}/lines`, { productId: tempe.productId, quantity: 1 });
    const res = await send(
      app,
      'POST',
      '/orders',
      pickupOrder(cartId, { fulfilment: { method: 'delivery', address: deliveryAddress } }),
      key(),
    );
    expect([res.status, res.body.code]).toEqual([409, 'ORDER.DELIVERY_UNAVAILABLE']);
  });

  it('returns the same order for the same Idempotency-Key, never a second one', async () => {
    const { app, cartWithKeripik, stores } = await shopWithProducts();
    const cartId = await cartWithKeripik(2);
    const first = await send(app, 'POST', '/orders', pickupOrder(cartId), key('same'));
    const again = await send(app, 'POST', '/orders', pickupOrder(cartId), key('same'));
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.order).toEqual(first.body.order);
    expect(stores.orders.byId.size).toBe(1);
    expect(stores.orders.eventTypes()).toEqual(['pasar.orders.order.placed']);
    const get = await send(app, 'GET', `/orders/${first.body.order.id}`, undefined, {
      'X-Order-Token': again.body.accessToken,
    });
    expect(get.status).toBe(200);
  });

  it('refuses a reused Idempotency-Key with another cart (422)', async () => {
    const { app, cartWithKeripik } = await shopWithProducts();
    await send(app, 'POST', '/orders', pickupOrder(await cartWithKeripik()), key('shared'));
    const res = await send(app, 'POST', '/orders', pickupOrder(await cartWithKeripik()), key('shared'));
    expect([res.status, res.body.code]).toEqual([422, 'ORDER.IDEMPOTENCY_KEY_REUSED']);
  });

  it.each([
    ['missing', {}],
    ['too short', { 'Idempotency-Key': 'abc' }],
  ])('answers 400 naming the Idempotency-Key header when it is %s', async (_what, headers) => {
    const { app, cartWithKeripik, stores } = await shopWithProducts();
    const res = await send(app, 'POST', '/orders', pickupOrder(await cartWithKeripik()), headers);
    expect([res.status, res.body.details.issues[0].field]).toEqual([400, 'header.idempotency-key']);
    expect(stores.orders.byId.size).toBe(0);
  });

  it.each([
    ['an invalid phone', { contact: { name: 'Siti', phone: '12345' } }, 'contact.phone'],
    ['a foreign phone', { contact: { name: 'Siti', phone: '+6591234567' } }, 'contact.phone'],
    ['a doubled prefix', { contact: { name: 'Siti', phone: '+62 0812 3456 7890' } }, 'contact.phone'],
    ['a landline', { contact: { name: 'Siti', phone: '0341-551234' } }, 'contact.phone'],
    ['a one-letter name', { contact: { name: 'S', phone: '081234567890' } }, 'contact.name'],
    ['a tampered total', { total: 1 }, 'total'],
    ['a tampered line price', { lines: [{ unitPrice: 1 }] }, 'lines'],
    ['an unknown payment method', { paymentMethod: 'bitcoin' }, 'paymentMethod'],
    ['a disabled payment method', { paymentMethod: 'qris' }, 'paymentMethod'],
    ['a malformed cart id', { cartId: 'crt_nope' }, 'cartId'],
    ['a note over 500 characters', { note: 'x'.repeat(501) }, 'note'],
    [
      'a bad postal code',
      { fulfilment: { method: 'delivery', address: { ...deliveryAddress, postalCode: '651' } } },
      'fulfilment.address.postalCode',
    ],
  ])('answers 400 for %s, naming %s, and places nothing', async (_what, overrides, field) => {
    const { app, cartWithKeripik, stores } = await shopWithProducts();
    const cartId = await cartWithKeripik();
    const res = await send(app, 'POST', '/orders', pickupOrder(cartId, overrides), key());
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(stores.orders.byId.size).toBe(0);
    expect((await send(app, 'GET', `/carts/${cartId}`)).body.itemCount).toBe(2);
  });

  it('answers 409 CART.EMPTY for an empty cart and 404 for an unknown cart', async () => {
    const { app, newCart } = await shopWithProducts();
    const empty = await send(app, 'POST', '/orders', pickupOrder(await newCart()), key());
    expect([empty.status, empty.body.code]).toEqual([409, 'CART.EMPTY']);
    const unknown = await send(app, 'POST', '/orders', pickupOrder('crt_0000000000000000000000'), key());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CART.NOT_FOUND']);
  });

  it('answers 409 PRODUCT.UNAVAILABLE when a product was archived after it was added', async () => {
    const { app, cartWithKeripik, stores, keripik } = await shopWithProducts();
    const cartId = await cartWithKeripik();
    await stores.products.upsert({ ...keripik, status: 'archived', version: 2 });
    const res = await send(app, 'POST', '/orders', pickupOrder(cartId), key());
    expect(res.body).toMatchObject({
      code: 'PRODUCT.UNAVAILABLE',
      details: { productId: keripik.productId },
    });
  });

  it('accepts an enabled online method and refuses an oversized body with 413', async () => {
    const { app, cartWithKeripik } = await shopWithProducts({ paymentMethods: ['cash', 'qris'] });
    const ok = await send(
      app,
      'POST',
      '/orders',
      pickupOrder(await cartWithKeripik(), { paymentMethod: 'qris' }),
      key(),
    );
    expect(ok.body.order.paymentMethod).toBe('qris');
    const big = await send(
      app,
      'POST',
      '/orders',
      pickupOrder(await cartWithKeripik(), { note: 'x'.repeat(70_000) }),
      key(),
    );
    expect([big.status, big.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
  });
});
