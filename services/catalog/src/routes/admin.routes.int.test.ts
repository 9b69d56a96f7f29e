import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, catalogTestEnv, json } from '../../test/builders';

/** Staff endpoints: Bearer ADMIN_TOKEN, validated bodies, events written with the change. */
describe('admin catalog routes', () => {
  let env: Awaited<ReturnType<typeof catalogTestEnv>>;
  beforeAll(async () => {
    env = await catalogTestEnv('catalog_admin');
  });
  afterAll(() => env.drop());

  const valid = () => ({
    sku: `KB-${Math.random().toString(36).slice(2, 10)}`,
    sellerId: 'mbr_sri',
    name: 'Keripik Tempe Bu Sri 250 g',
    description: 'Renyah, digoreng setiap pagi.',
    category: 'makanan-ringan',
    unit: 'pack',
    price: 15_000,
    stock: 20,
  });
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = admin) =>
    env.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const create = (body: unknown, headers?: Record<string, string>) =>
    send('POST', '/cooperatives/karangbesuki/products', body, headers);
  const fieldsOf = async (res: Response) =>
    ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);
  const eventsOf = async (id: string) => {
    const doc = await env.deps.products.model.collection.findOne({
      _id: env.deps.products.model.castObject({ _id: id })._id,
    });
    return ((doc?.outbox ?? []) as { envelope: { type: string; data: Record<string, unknown> } }[]).map(
      (e) => e.envelope,
    );
  };
  const countProducts = () => env.deps.products.model.countDocuments();

  describe('POST /cooperatives/:cooperativeId/products', () => {
    it('creates a published product and stores ProductPublished with it', async () => {
      const res = await create(valid());
      expect(res.status).toBe(201);
      const view = await json(res);
      expect(view).toMatchObject({
        cooperativeId: 'karangbesuki',
        status: 'published',
        maxPerOrder: null,
        stock: { available: 20, reserved: 0 },
        inStock: true,
      });
      const [evt] = await eventsOf(view.id);
      expect(evt).toMatchObject({
        type: 'pasar.catalog.product.published',
        subject: view.id,
        cooperativeid: 'karangbesuki',
        data: { productId: view.id, price: 15_000, status: 'published', version: 1 },
      });
    });

    it('creates a draft with a ProductUpdated snapshot (not for sale)', async () => {
      const view = await json(await create({ ...valid(), status: 'draft', maxPerOrder: 2 }));
      expect((await eventsOf(view.id)).map((e) => [e.type, e.data.status])).toEqual([
        ['pasar.catalog.product.updated', 'draft'],
      ]);
    });

    it('refuses a second product with the same SKU in the cooperative', async () => {
      const body = valid();
      await create(body);
      const res = await create({ ...body, name: 'Lain' });
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ code: 'PRODUCT.SKU_TAKEN', details: { field: 'sku' } });
      expect((await send('POST', '/cooperatives/dinoyo/products', body)).status).toBe(201);
    });

    it.each([
      ['a negative price', { price: -1 }, 'price'],
      ['a fractional price', { price: 1500.5 }, 'price'],
      ['a zero price', { price: 0 }, 'price'],
      ['a price as text', { price: '15000' }, 'price'],
      ['a negative stock', { stock: -5 }, 'stock'],
      ['a fractional stock', { stock: 1.5 }, 'stock'],
      ['a zero per-order limit', { maxPerOrder: 0 }, 'maxPerOrder'],
      ['an unknown unit', { unit: 'ton' }, 'unit'],
      ['an unknown category', { category: 'rokok' }, 'category'],
      ['an unknown status', { status: 'live' }, 'status'],
      ['a one-letter name', { name: 'K' }, 'name'],
      ['a SKU with spaces', { sku: 'KB 001' }, 'sku'],
      ['an image that is not a web URL', { imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
      ['a missing seller', { sellerId: undefined }, 'sellerId'],
    ])('answers %s with 400 naming the field, creating nothing', async (_what, patch, field) => {
      const before = await countProducts();
      const res = await create({ ...valid(), ...patch });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
      expect(await countProducts()).toBe(before);
    });

    it('rejects fields it does not know (no stock tricks through the body)', async () => {
      const res = await create({ ...valid(), reserved: 5 });
      expect(res.status).toBe(400);
      expect((await json(res)).message).toContain('reserved');
    });

    it('answers a body that is not JSON with 400', async () => {
      const res = await create('{"sku": ');
      expect(res.status).toBe(400);
    });

    it('answers an oversized body with 413 and creates nothing', async () => {
      const before = await countProducts();
      const res = await create({ ...valid(), description: 'x'.repeat(70 * 1024) });
      expect(res.status).toBe(413);
      expect((await json(res)).code).toBe('REQUEST.TOO_LARGE');
      expect(await countProducts()).toBe(before);
    });

    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token' }],
      ['a token without Bearer', { authorization: ADMIN_TOKEN }],
    ])('answers %s with 401 before looking at the body', async (_what, headers) => {
      const res = await create({ price: -1 }, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await json(res)).code).toBe('AUTH.UNAUTHORIZED');
    });

    it('answers a malformed cooperative id with 400', async () => {
      const res = await send('POST', '/cooperatives/KARANG_BESUKI/products', valid());
      expect(await fieldsOf(res)).toEqual(['param.cooperativeId']);
    });
  });

  describe('PATCH /products/:productId', () => {
    it('changes the price and stores ProductUpdated with the new version', async () => {
      const { id } = await json(await create(valid()));
      const res = await send('PATCH', `/products/${id}`, { price: 16_000, maxPerOrder: 3 });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ price: 16_000, maxPerOrder: 3 });
      const events = await eventsOf(id);
      expect(events.map((e) => [e.type, e.data.price, e.data.version])).toEqual([
        ['pasar.catalog.product.published', 15_000, 1],
        ['pasar.catalog.product.updated', 16_000, 2],
      ]);
    });

    it('archives with ProductArchived, after which the public cannot see it', async () => {
      const { id } = await json(await create(valid()));
      await send('PATCH', `/products/${id}`, { status: 'archived' });
      expect((await eventsOf(id)).at(-1)?.type).toBe('pasar.catalog.product.archived');
      expect((await env.app.request(`/products/${id}`)).status).toBe(404);
    });

    it('emits nothing when nothing changes', async () => {
      const body = valid();
      const { id } = await json(await create(body));
      await send('PATCH', `/products/${id}`, { price: body.price });
      expect(await eventsOf(id)).toHaveLength(1);
    });

    it('refuses to publish an archived product directly (409)', async () => {
      const { id } = await json(await create({ ...valid(), status: 'archived' }));
      const res = await send('PATCH', `/products/${id}`, { status: 'published' });
      expect(res.status).toBe(409);
      expect((await json(res)).code).toBe('PRODUCT.INVALID_TRANSITION');
    });

    it.each([
      ['an empty body', {}, '(body)'],
      ['a negative price', { price: -100 }, 'price'],
      ['a fractional price', { price: 99.9 }, 'price'],
      ['a stock change', { stock: 100 }, '(body)'],
      ['a SKU change', { sku: 'NEW' }, '(body)'],
    ])('answers %s with 400', async (_what, body, field) => {
      const { id } = await json(await create(valid()));
      const res = await send('PATCH', `/products/${id}`, body);
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
    });

    it('answers an unknown product with 404 and a malformed id with 400', async () => {
      expect((await send('PATCH', '/products/ffffffffffffffffffffffff', { price: 1 })).status).toBe(404);
      const res = await send('PATCH', '/products/xyz', { price: 1 });
      expect(await fieldsOf(res)).toEqual(['param.productId']);
    });

    it('needs the admin token', async () => {
      expect((await send('PATCH', '/products/ffffffffffffffffffffffff', { price: 1 }, {})).status).toBe(401);
    });
  });

  describe('POST /products/:productId/restock', () => {
    it('adds units on hand without touching reservations', async () => {
      const { id } = await json(await create({ ...valid(), stock: 0 }));
      const res = await send('POST', `/products/${id}/restock`, { quantity: 12 });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ stock: { available: 12, reserved: 0 }, inStock: true });
    });

    it.each([0, -3, 2.5, '5'])('answers quantity %s with 400 naming quantity', async (quantity) => {
      const { id } = await json(await create(valid()));
      const res = await send('POST', `/products/${id}/restock`, { quantity });
      expect(await fieldsOf(res)).toEqual(['quantity']);
    });

    it('answers an unknown product with 404, no token with 401', async () => {
      expect((await send('POST', '/products/ffffffffffffffffffffffff/restock', { quantity: 1 })).status).toBe(
        404,
      );
      expect(
        (await send('POST', '/products/ffffffffffffffffffffffff/restock', { quantity: 1 }, {})).status,
      ).toBe(401);
    });
  });
});
