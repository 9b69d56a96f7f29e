import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCatalogEnv, SELLERS } from '../../test/memory-env';
import { headersOfPeople, json, type TestPerson } from '../../test/builders';

/**
 * Back-office routes: who may call each (membership access tokens, per-route rules, ownership in
 * the use cases), validated bodies, product events and AuditRecorded entries written with the change.
 * Every answer is also checked against /openapi.json (documentedApp in the builders).
 */
describe('staff catalog routes', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let as: Awaited<ReturnType<typeof headersOfPeople>>;
  beforeAll(async () => {
    env = await memoryCatalogEnv();
    as = await headersOfPeople();
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
  const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    env.app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const create = (body: unknown, who: TestPerson | null = 'gudang', coop = 'karangbesuki') =>
    send('POST', `/cooperatives/${coop}/products`, body, who ? as[who] : {});
  const created = async (body: Record<string, unknown> = {}, who: TestPerson = 'gudang') => {
    const res = await create({ ...valid(), ...body }, who);
    expect(res.status).toBe(201);
    return json(res) as Promise<{ id: string; sku: string }>;
  };
  const patch = (id: string, body: unknown, who: TestPerson | null) =>
    send('PATCH', `/products/${id}`, body, who ? as[who] : {});
  const restock = (id: string, body: unknown, who: TestPerson | null) =>
    send('POST', `/products/${id}/restock`, body, who ? as[who] : {});
  const listAll = (who: TestPerson | null, qs = '') =>
    env.app.request(`/cooperatives/karangbesuki/products/all${qs}`, { headers: who ? as[who] : {} });
  const fieldsOf = async (res: Response) =>
    ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);
  const stored = (id: string) => env.deps.products.findById(id);
  const audits = async (id: string) =>
    (await env.outboxOf(id)).filter((e) => e.type === 'pasar.audit.entry.recorded');
  const countProducts = () => env.countProducts();

  describe('who may call each route', () => {
    type Call = (who: TestPerson | null) => Promise<Response>;
    let routes: Record<string, { call: Call; ok: number; write: boolean }>;
    beforeAll(async () => {
      const { id } = await created();
      routes = {
        'POST /cooperatives/{id}/products': { call: (who) => create(valid(), who), ok: 201, write: true },
        'PATCH /products/{id}': { call: (who) => patch(id, { price: 15_500 }, who), ok: 200, write: true },
        'POST /products/{id}/restock': {
          call: (who) => restock(id, { quantity: 1 }, who),
          ok: 200,
          write: true,
        },
        'GET /cooperatives/{id}/products/all': { call: (who) => listAll(who), ok: 200, write: false },
      };
    });
    const names = [
      'POST /cooperatives/{id}/products',
      'PATCH /products/{id}',
      'POST /products/{id}/restock',
      'GET /cooperatives/{id}/products/all',
    ];

    it.each(names)('%s: anonymous 401 with WWW-Authenticate', async (name) => {
      const res = await routes[name]!.call(null);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect((await json(res)).code).toBe('AUTH.UNAUTHENTICATED');
    });

    it.each(names)('%s: anggota and kasir of the same cooperative 403', async (name) => {
      for (const who of ['anggota', 'kasir'] as const) {
        const res = await routes[name]!.call(who);
        expect(res.status, who).toBe(403);
        expect((await json(res)).code).toBe('AUTH.FORBIDDEN');
      }
    });

    it.each(names)('%s: gudang and pengurus of the same cooperative succeed', async (name) => {
      for (const who of ['gudang', 'ketua'] as const)
        expect((await routes[name]!.call(who)).status, who).toBe(routes[name]!.ok);
    });

    it.each(names)('%s: pengurus of another cooperative 404, as if it did not exist', async (name) => {
      const res = await routes[name]!.call('dinoyoKetua');
      expect(res.status).toBe(404);
    });

    it.each(names)('%s: pengawas reads the staff list and changes nothing (403)', async (name) => {
      expect((await routes[name]!.call('pengawas')).status).toBe(routes[name]!.write ? 403 : 200);
    });

    it('refuses an expired or tampered token with 401 even on public routes', async () => {
      const [h, p, s] = (as.gudang.authorization ?? '').slice(7).split('.');
      const tampered = { authorization: `Bearer ${h}.${p}x.${s}` };
      expect((await send('POST', '/cooperatives/karangbesuki/products', valid(), tampered)).status).toBe(401);
      expect(
        (await env.app.request('/cooperatives/karangbesuki/products', { headers: tampered })).status,
      ).toBe(401);
    });
  });

  describe('a penjual and their own listings', () => {
    it('creates a product they then own, and edits and restocks it (publishing waits for review)', async () => {
      const { id } = await created({ status: 'draft', sellerId: 'mbr_someone_else' }, 'sri');
      expect(await stored(id)).toMatchObject({ ownerPersonId: 'prs_sri', sellerId: 'mbr_sri' });
      const edited = await patch(id, { price: 16_000, status: 'published' }, 'sri');
      expect(edited.status).toBe(200);
      expect(await json(edited)).toMatchObject({
        price: 16_000,
        status: 'draft',
        review: { state: 'pending', kind: 'listing' },
      });
      const res = await restock(id, { quantity: 5 }, 'sri');
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ price: 16_000, status: 'draft', stock: { available: 25 } });
    });

    it('refuses a penjual who is not an active seller of the cooperative (403 SELLER.NOT_ACTIVE)', async () => {
      await env.seller(SELLERS.budi, 'suspended');
      const res = await create(valid(), 'budi');
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('SELLER.NOT_ACTIVE');
      await env.seller(SELLERS.budi, 'active');
      expect((await create(valid(), 'budi')).status).toBe(201);
    });

    it("answers another seller's product with 404 and changes nothing", async () => {
      const { id } = await created({}, 'sri');
      const before = await stored(id);
      for (const res of [await patch(id, { price: 1 }, 'budi'), await restock(id, { quantity: 9 }, 'budi')]) {
        expect(res.status).toBe(404);
        expect((await json(res)).code).toBe('PRODUCT.NOT_FOUND');
      }
      expect(await stored(id)).toEqual(before);
    });

    it('may not change listings made by staff (they have no owner)', async () => {
      const { id } = await created({}, 'ketua');
      expect((await stored(id))?.ownerPersonId).toBeNull();
      expect((await patch(id, { price: 1 }, 'sri')).status).toBe(404);
    });

    it('sees only their own products in the back-office list; staff see every status', async () => {
      const mine = await created({ status: 'draft' }, 'budi');
      const staffs = await created({ status: 'archived' }, 'gudang');
      const ids = async (who: TestPerson) =>
        ((await json(await listAll(who))).items as { id: string; ownerPersonId: string | null }[]).map(
          (p) => p.id,
        );
      expect(await ids('budi')).toContain(mine.id);
      expect(await ids('budi')).not.toContain(staffs.id);
      expect(
        (await json(await listAll('budi'))).items.every(
          (p: { ownerPersonId: string }) => p.ownerPersonId === 'prs_budi',
        ),
      ).toBe(true);
      expect(await ids('pengawas')).toEqual(expect.arrayContaining([mine.id, staffs.id]));
      const archived = (await json(await listAll('gudang', '?status=archived'))).items as {
        status: string;
      }[];
      expect(archived.length).toBeGreaterThan(0);
      expect(archived.every((p) => p.status === 'archived')).toBe(true);
    });

    it('shows a draft to staff, pengawas and its owner; 404 to other sellers and the public', async () => {
      const { id } = await created({ status: 'draft' }, 'sri');
      const get = (who: TestPerson | null) =>
        env.app.request(`/products/${id}`, { headers: who ? as[who] : {} });
      for (const who of ['gudang', 'ketua', 'pengawas', 'sri'] as const)
        expect((await get(who)).status, who).toBe(200);
      for (const who of ['budi', 'kasir', 'dinoyoKetua', null] as const)
        expect((await get(who)).status, String(who)).toBe(404);
    });
  });

  describe('POST /cooperatives/:cooperativeId/products', () => {
    it('creates a published product and stores ProductPublished and AuditRecorded with it', async () => {
      const res = await create(valid(), 'gudang');
      expect(res.status).toBe(201);
      const view = await json(res);
      expect(view).toMatchObject({
        cooperativeId: 'karangbesuki',
        status: 'published',
        maxPerOrder: null,
        stock: { available: 20, reserved: 0 },
        inStock: true,
      });
      const [published, audit] = await env.outboxOf(view.id);
      expect(published).toMatchObject({
        type: 'pasar.catalog.product.published',
        subject: view.id,
        cooperativeid: 'karangbesuki',
        data: { productId: view.id, price: 15_000, status: 'published', version: 1 },
      });
      expect(audit).toMatchObject({
        type: 'pasar.audit.entry.recorded',
        topic: 'audit.entry.v1',
        key: 'karangbesuki',
        data: {
          cooperativeId: 'karangbesuki',
          actorId: 'prs_gudang',
          actorRoles: ['anggota', 'gudang'],
          action: 'catalog.product.created',
          target: { type: 'product', id: view.id },
          after: { price: 15_000, stock: 20, status: 'published' },
        },
      });
    });

    it('creates a draft with a ProductUpdated snapshot (not for sale)', async () => {
      const view = await json(await create({ ...valid(), status: 'draft', maxPerOrder: 2 }));
      expect((await env.outboxOf(view.id)).map((e) => [e.type, e.data.status])).toEqual([
        ['pasar.catalog.product.updated', 'draft'],
        ['pasar.audit.entry.recorded', undefined],
      ]);
    });

    it('refuses a second product with the same SKU in the cooperative (409, documented)', async () => {
      const body = valid();
      await create(body);
      const res = await create({ ...body, name: 'Lain' });
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({ code: 'PRODUCT.SKU_TAKEN', details: { field: 'sku' } });
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
      ['a blank name', { name: '    ' }, 'name'],
      ['a name over 120 characters', { name: 'k'.repeat(121) }, 'name'],
      ['a SKU with spaces', { sku: 'KB 001' }, 'sku'],
      ['an image that is not a web URL', { imageUrl: 'javascript:alert(1)' }, 'imageUrl'],
      ['a malformed seller id', { sellerId: 'mbr sri' }, 'sellerId'],
    ])('answers %s with 400 naming the field, creating nothing', async (_what, change, field) => {
      const before = await countProducts();
      const res = await create({ ...valid(), ...change });
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
      expect(await countProducts()).toBe(before);
    });

    it('asks staff to name the seller: 422 PRODUCT.SELLER_REQUIRED naming sellerId', async () => {
      const before = await countProducts();
      const res = await create({ ...valid(), sellerId: undefined }, 'gudang');
      expect(res.status).toBe(422);
      expect(await json(res)).toMatchObject({
        code: 'PRODUCT.SELLER_REQUIRED',
        details: { field: 'sellerId' },
      });
      expect(await countProducts()).toBe(before);
    });

    it('counts name length in characters, as the document does (120 emoji are 240 UTF-16 units)', async () => {
      expect((await create({ ...valid(), name: '🌶'.repeat(120) })).status).toBe(201);
    });

    it('rejects fields it does not know (no stock tricks through the body)', async () => {
      const res = await create({ ...valid(), reserved: 5 });
      expect(res.status).toBe(400);
      expect((await json(res)).message).toContain('reserved');
    });

    it('answers a body that is not JSON with 400, another content type with 415, creating nothing', async () => {
      const before = await countProducts();
      expect((await create('{"sku": ')).status).toBe(400);
      const res = await env.app.request('/cooperatives/karangbesuki/products', {
        method: 'POST',
        headers: { ...as.gudang, 'content-type': 'text/plain' },
        body: JSON.stringify(valid()),
      });
      expect(res.status).toBe(415);
      const none = await env.app.request('/cooperatives/karangbesuki/products', {
        method: 'POST',
        headers: as.gudang,
      });
      expect(none.status).toBe(400);
      expect(await countProducts()).toBe(before);
    });

    it('answers an oversized body with 413 and creates nothing', async () => {
      const before = await countProducts();
      const res = await create({ ...valid(), description: 'x'.repeat(70 * 1024) });
      expect(res.status).toBe(413);
      expect((await json(res)).code).toBe('REQUEST.TOO_LARGE');
      expect(await countProducts()).toBe(before);
    });

    it('checks the token before the body: anonymous bad input is 401, not 400', async () => {
      expect((await create({ price: -1 }, null)).status).toBe(401);
    });

    it('answers a malformed cooperative id with 404: the guard runs first, and no one works there', async () => {
      const before = await countProducts();
      const res = await create(valid(), 'gudang', 'KARANG_BESUKI');
      expect(res.status).toBe(404);
      expect(await countProducts()).toBe(before);
    });
  });

  describe('PATCH /products/:productId', () => {
    it('changes the price and stores ProductUpdated and an audit entry with before/after', async () => {
      const { id } = await created();
      const res = await patch(id, { price: 16_000, maxPerOrder: 3 }, 'ketua');
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ price: 16_000, maxPerOrder: 3 });
      const events = await env.outboxOf(id);
      expect(events.map((e) => [e.type, e.data.price, e.data.version])).toEqual([
        ['pasar.catalog.product.published', 15_000, 1],
        ['pasar.audit.entry.recorded', undefined, undefined],
        ['pasar.catalog.product.updated', 16_000, 2],
        ['pasar.audit.entry.recorded', undefined, undefined],
      ]);
      expect(events.at(-1)?.data).toMatchObject({
        actorId: 'prs_ketua',
        actorRoles: ['anggota', 'pengurus'],
        action: 'catalog.product.updated',
        before: { price: 15_000 },
        after: { price: 16_000 },
      });
    });

    it('archives with ProductArchived and an archive audit entry; the public then cannot see it', async () => {
      const { id } = await created();
      expect((await patch(id, { status: 'archived' }, 'gudang')).status).toBe(200);
      const events = await env.outboxOf(id);
      expect(events.at(-2)?.type).toBe('pasar.catalog.product.archived');
      expect(events.at(-1)?.data).toMatchObject({
        action: 'catalog.product.archived',
        before: { status: 'published' },
        after: { status: 'archived' },
      });
      expect((await env.app.request(`/products/${id}`)).status).toBe(404);
    });

    it('audits nothing for an edit that touches neither price nor status', async () => {
      const { id } = await created();
      await patch(id, { name: 'Keripik Tempe Pedas' }, 'gudang');
      expect((await audits(id)).map((e) => e.data.action)).toEqual(['catalog.product.created']);
    });

    it('accepts an empty body as a no-op: 200 with the product, no event', async () => {
      const { id } = await created();
      const res = await patch(id, {}, 'gudang');
      expect(res.status).toBe(200);
      expect((await json(res)).id).toBe(id);
      expect(await env.outboxOf(id)).toHaveLength(2);
    });

    it("still answers an empty body for another seller's product with 404", async () => {
      const { id } = await created({}, 'sri');
      expect((await patch(id, {}, 'budi')).status).toBe(404);
    });

    it('emits nothing when nothing changes', async () => {
      const body = valid();
      const { id } = await created(body);
      await patch(id, { price: body.price }, 'gudang');
      expect(await env.outboxOf(id)).toHaveLength(2);
    });

    it('refuses to publish an archived product directly (409)', async () => {
      const { id } = await created({ status: 'archived' });
      const res = await patch(id, { status: 'published' }, 'gudang');
      expect(res.status).toBe(409);
      expect((await json(res)).code).toBe('PRODUCT.INVALID_TRANSITION');
    });

    it.each([
      ['a negative price', { price: -100 }, 'price'],
      ['a fractional price', { price: 99.9 }, 'price'],
      ['a null name', { name: null }, 'name'],
      ['an unknown status', { status: 'sold-out' }, 'status'],
      ['a stock change', { stock: 100 }, '(body)'],
      ['a SKU change', { sku: 'NEW' }, '(body)'],
    ])('answers %s with 400 naming the field, changing nothing', async (_what, body, field) => {
      const { id } = await created();
      const before = await stored(id);
      const res = await patch(id, body, 'gudang');
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
      expect(await stored(id)).toEqual(before);
    });

    it('answers an unknown product with 404 and a malformed id with 400', async () => {
      expect((await patch('ffffffffffffffffffffffff', { price: 1 }, 'gudang')).status).toBe(404);
      const res = await patch('xyz', { price: 1 }, 'gudang');
      expect(await fieldsOf(res)).toEqual(['param.productId']);
    });
  });

  describe('POST /products/:productId/restock', () => {
    it('adds units on hand and records the count before and after', async () => {
      const { id } = await created({ stock: 3 });
      const res = await restock(id, { quantity: 12 }, 'gudang');
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ stock: { available: 15, reserved: 0 }, inStock: true });
      expect((await audits(id)).at(-1)?.data).toMatchObject({
        actorId: 'prs_gudang',
        action: 'catalog.product.restocked',
        target: { type: 'product', id },
        before: { stock: 3 },
        after: { stock: 15 },
      });
    });

    it.each([
      ['zero', { quantity: 0 }, 'quantity'],
      ['a negative quantity', { quantity: -3 }, 'quantity'],
      ['a fractional quantity', { quantity: 2.5 }, 'quantity'],
      ['a quantity as text', { quantity: '5' }, 'quantity'],
      ['no quantity', {}, 'quantity'],
      ['an extra field', { quantity: 1, available: 9 }, '(body)'],
    ])('answers %s with 400 naming the field, changing nothing', async (_what, body, field) => {
      const { id } = await created();
      const before = await stored(id);
      const res = await restock(id, body, 'gudang');
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual([field]);
      expect(await stored(id)).toEqual(before);
    });

    it('answers an unknown product with 404', async () => {
      expect((await restock('ffffffffffffffffffffffff', { quantity: 1 }, 'gudang')).status).toBe(404);
    });
  });

  describe('GET /cooperatives/:cooperativeId/products/all', () => {
    it('answers an unknown status filter with 400 naming query.status', async () => {
      const res = await listAll('gudang', '?status=live');
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(['query.status']);
    });

    it('answers a malformed cooperative id with 404 (the guard runs before validation)', async () => {
      expect((await env.app.request('/cooperatives/$$/products/all', { headers: as.gudang })).status).toBe(
        404,
      );
    });

    it('shows staff the owner and units sold', async () => {
      const { id } = await created({}, 'sri');
      const item = (await json(await listAll('ketua'))).items.find((p: { id: string }) => p.id === id);
      expect(item).toMatchObject({
        ownerPersonId: 'prs_sri',
        stock: { available: 20, reserved: 0, sold: 0 },
      });
    });
  });
});
