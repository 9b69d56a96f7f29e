import { describe, expect, it } from 'vitest';
import { aProduct, productId } from '../test/fixtures';
import { send, shopWithProducts } from '../test/http';

describe('POST /carts', () => {
  it('creates an empty cart for a known cooperative', async () => {
    const { app } = await shopWithProducts();
    const res = await send(app, 'POST', '/carts', { cooperativeId: 'karangbesuki' });
    expect(res.status).toBe(201);
    const cart = res.body;
    expect(Object.keys(cart).sort()).toEqual([
      'cooperativeId',
      'id',
      'itemCount',
      'lines',
      'subtotal',
      'updatedAt',
    ]);
    expect(cart).toMatchObject({ cooperativeId: 'karangbesuki', lines: [], subtotal: 0, itemCount: 0 });
    expect(cart.id).toMatch(/^crt_[0-9A-Za-z]{22}$/);
  });

  it('answers 404 for an unknown cooperative and 400 for a malformed id', async () => {
    const { app } = await shopWithProducts();
    expect((await send(app, 'POST', '/carts', { cooperativeId: 'atlantis' })).body.code).toBe(
      'COOPERATIVE.NOT_FOUND',
    );
    const bad = await send(app, 'POST', '/carts', { cooperativeId: 'Not A Code!' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues[0].field).toBe('cooperativeId');
  });
});

describe('GET /carts/:cartId', () => {
  it('returns the cart, 404 for an unknown one, 400 for a malformed id', async () => {
    const { app, cartWithKeripik } = await shopWithProducts();
    const cartId = await cartWithKeripik(2);
    expect((await send(app, 'GET', `/carts/${cartId}`)).body).toMatchObject({
      subtotal: 30_000,
      itemCount: 2,
    });
    const unknown = await send(app, 'GET', '/carts/crt_0000000000000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'CART.NOT_FOUND']);
    const bad = await send(app, 'GET', '/carts/crt_short');
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.cartId']);
  });
});

describe('POST /carts/:cartId/lines', () => {
  it('adds to the quantity already there, priced from the read model', async () => {
    const { app, newCart, keripik } = await shopWithProducts();
    const cartId = await newCart();
    await send(app, 'POST', `/carts/${cartId}/lines`, { productId: keripik.productId, quantity: 1 });
    const res = await send(app, 'POST', `/carts/${cartId}/lines`, {
      productId: keripik.productId,
      quantity: 2,
    });
    expect(res.status).toBe(200);
    const cart = res.body;
    expect(cart.lines).toEqual([
      {
        productId: keripik.productId,
        name: keripik.name,
        unit: 'pack',
        unitPrice: 15_000,
        quantity: 3,
        lineTotal: 45_000,
        maxPerOrder: null,
        het: false,
      },
    ]);
    expect(cart).toMatchObject({ subtotal: 45_000, itemCount: 3 });
  });

  it('refuses a tampered price, naming the field, and changes nothing', async () => {
    const { app, cartWithKeripik, keripik } = await shopWithProducts();
    const cartId = await cartWithKeripik(1);
    const res = await send(app, 'POST', `/carts/${cartId}/lines`, {
      productId: keripik.productId,
      quantity: 1,
      price: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.details.issues.map((i: { field: string }) => i.field)).toEqual(['price']);
    expect((await send(app, 'GET', `/carts/${cartId}`)).body).toMatchObject({
      subtotal: 15_000,
      itemCount: 1,
    });
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
    ['a string', '2'],
    ['above 999', 1000],
    ['missing', undefined],
  ])('refuses a quantity that is %s with 400 naming quantity', async (_what, quantity) => {
    const { app, newCart, keripik } = await shopWithProducts();
    const cartId = await newCart();
    const res = await send(app, 'POST', `/carts/${cartId}/lines`, { productId: keripik.productId, quantity });
    expect(res.status).toBe(400);
    expect(res.body.details.issues[0].field).toBe('quantity');
  });

  it('answers 409 CART.LIMIT_EXCEEDED naming the limit', async () => {
    const { app, newCart, lpg } = await shopWithProducts();
    const cartId = await newCart();
    await send(app, 'POST', `/carts/${cartId}/lines`, { productId: lpg.productId, quantity: 2 });
    const res = await send(app, 'POST', `/carts/${cartId}/lines`, { productId: lpg.productId, quantity: 1 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CART.LIMIT_EXCEEDED', details: { limit: 2, requested: 3 } });
  });

  it('answers 404 for an unknown or unpublished product, 400 for a malformed id', async () => {
    const { app, newCart, stores } = await shopWithProducts();
    const cartId = await newCart();
    const draft = aProduct({ status: 'draft' });
    await stores.products.upsert(draft);
    for (const id of [productId(), draft.productId]) {
      const res = await send(app, 'POST', `/carts/${cartId}/lines`, { productId: id, quantity: 1 });
      expect([res.status, res.body.code]).toEqual([404, 'PRODUCT.NOT_FOUND']);
    }
    const bad = await send(app, 'POST', `/carts/${cartId}/lines`, { productId: 'nope', quantity: 1 });
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'productId']);
  });

  it('refuses a product of another cooperative with 409', async () => {
    const { app, newCart, stores } = await shopWithProducts();
    const other = aProduct({ cooperativeId: 'dinoyo' });
    await stores.products.upsert(other);
    const res = await send(app, 'POST', `/carts/${await newCart()}/lines`, {
      productId: other.productId,
      quantity: 1,
    });
    expect([res.status, res.body.code]).toEqual([409, 'CART.WRONG_COOPERATIVE']);
  });

  it('answers 404 for an unknown cart, 413 for an oversized body, 400 for broken JSON', async () => {
    const { app, keripik, newCart } = await shopWithProducts();
    const missing = await send(app, 'POST', '/carts/crt_0000000000000000000000/lines', {
      productId: keripik.productId,
      quantity: 1,
    });
    expect(missing.status).toBe(404);
    const cartId = await newCart();
    const big = await send(app, 'POST', `/carts/${cartId}/lines`, {
      productId: keripik.productId,
      quantity: 1,
      pad: 'x'.repeat(70_000),
    });
    expect([big.status, big.body.code]).toEqual([413, 'REQUEST.TOO_LARGE']);
    expect((await send(app, 'POST', `/carts/${cartId}/lines`, '{"productId":')).status).toBe(400);
  });
});

describe('PUT and DELETE /carts/:cartId/lines/:productId', () => {
  it('sets the quantity, within the limit', async () => {
    const { app, newCart, lpg } = await shopWithProducts();
    const cartId = await newCart();
    const res = await send(app, 'PUT', `/carts/${cartId}/lines/${lpg.productId}`, { quantity: 2 });
    expect(res.body.lines[0]).toMatchObject({ quantity: 2, lineTotal: 38_000, maxPerOrder: 2 });
    const over = await send(app, 'PUT', `/carts/${cartId}/lines/${lpg.productId}`, { quantity: 3 });
    expect([over.status, over.body.code]).toEqual([409, 'CART.LIMIT_EXCEEDED']);
  });

  it('refuses bad quantities, tampered prices and malformed ids', async () => {
    const { app, cartWithKeripik, keripik } = await shopWithProducts();
    const cartId = await cartWithKeripik(1);
    const zero = await send(app, 'PUT', `/carts/${cartId}/lines/${keripik.productId}`, { quantity: 0 });
    expect(zero.body.details.issues[0].field).toBe('quantity');
    const priced = await send(app, 'PUT', `/carts/${cartId}/lines/${keripik.productId}`, {
      quantity: 1,
      unitPrice: 1,
    });
    expect(priced.body.details.issues[0].field).toBe('unitPrice');
    const bad = await send(app, 'PUT', `/carts/${cartId}/lines/123`, { quantity: 1 });
    expect([bad.status, bad.body.details.issues[0].field]).toEqual([400, 'param.productId']);
  });

  it('removes a line; removing it again changes nothing', async () => {
    const { app, cartWithKeripik, keripik } = await shopWithProducts();
    const cartId = await cartWithKeripik(1);
    for (let i = 0; i < 2; i++) {
      const res = await send(app, 'DELETE', `/carts/${cartId}/lines/${keripik.productId}`);
      expect([res.status, res.body.lines]).toEqual([200, []]);
    }
    expect(
      (await send(app, 'DELETE', `/carts/crt_0000000000000000000000/lines/${keripik.productId}`)).status,
    ).toBe(404);
  });
});
