import { beforeEach, describe, expect, it } from 'vitest';
import { json, newOrderId, orderLine, orderPlaced, type TestPerson } from '../../test/builders';
import { fieldsOf, peopleClient } from '../../test/http';
import { memoryCatalogEnv } from '../../test/memory-env';
import { reserveStock } from '../use-cases/reserve-stock';

/** Stock adjustments, photos, history and archiving of one product: staff, and the penjual who owns it. */
describe('product stock adjustments, photos and history', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let http: Awaited<ReturnType<typeof peopleClient>>;
  let mine: { id: string };
  beforeEach(async () => {
    env = await memoryCatalogEnv();
    http = await peopleClient(env.app);
    mine = await http.created({ stock: 10, status: 'draft' }, 'sri');
  });

  const adjust = (id: string, body: unknown, who: TestPerson | null = 'sri') =>
    http.call('POST', `/products/${id}/stock-adjustments`, body, who);
  const setPhotos = (id: string, photoIds: unknown, who: TestPerson | null = 'sri') =>
    http.call('PUT', `/products/${id}/photos`, { photoIds }, who);
  const history = async (id: string, who: TestPerson = 'sri') =>
    (await json(await http.get(`/products/${id}/history`, who))).items;
  const stock = async (id: string) => (await env.deps.products.findById(id))!.stock;

  describe('POST /products/:id/stock-adjustments', () => {
    it.each([
      ['received', 5, 15],
      ['damaged', -3, 7],
      ['correction', -10, 0],
      ['correction', 2, 12],
    ] as const)('%s %i leaves %i available, audited', async (reason, quantity, available) => {
      const res = await adjust(mine.id, { quantity, reason, note: 'hitung ulang' });
      expect(res.status).toBe(200);
      expect((await json(res)).stock.available).toBe(available);
      const audit = (await env.outboxOf(mine.id)).at(-1);
      expect(audit).toMatchObject({
        type: 'pasar.audit.entry.recorded',
        data: {
          actorId: 'prs_sri',
          action: 'catalog.product.stock-adjusted',
          before: { stock: 10 },
          after: { stock: available, reason },
        },
      });
    });

    it('never takes units held for orders: 409 STOCK.BELOW_RESERVED', async () => {
      const p = await http.created({ stock: 5 }, 'gudang');
      await reserveStock(env.deps, orderPlaced(newOrderId(), [orderLine(p, 3)]));
      const res = await adjust(p.id, { quantity: -3, reason: 'damaged' }, 'gudang');
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({
        code: 'STOCK.BELOW_RESERVED',
        details: { available: 2, reserved: 3 },
      });
      expect(await stock(p.id)).toEqual({ available: 2, reserved: 3, sold: 0 });
    });

    it.each([
      ['received below zero', { quantity: -1, reason: 'received' }],
      ['damaged above zero', { quantity: 1, reason: 'damaged' }],
    ])('refuses %s: 422 naming quantity', async (_what, body) => {
      const res = await adjust(mine.id, body);
      expect(res.status).toBe(422);
      expect(await json(res)).toMatchObject({
        code: 'STOCK.ADJUSTMENT_SIGN',
        details: { field: 'quantity' },
      });
      expect((await stock(mine.id)).available).toBe(10);
    });

    it.each([
      ['zero', { quantity: 0, reason: 'correction' }, 'quantity'],
      ['a fraction', { quantity: 1.5, reason: 'received' }, 'quantity'],
      ['an unknown reason', { quantity: 1, reason: 'stolen' }, 'reason'],
      ['no reason', { quantity: 1 }, 'reason'],
      ['a note over 200 characters', { quantity: 1, reason: 'received', note: 'x'.repeat(201) }, 'note'],
      ['an extra field', { quantity: 1, reason: 'received', available: 99 }, '(body)'],
    ])('refuses %s: 400 naming %s', async (_what, body, field) => {
      const res = await adjust(mine.id, body);
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
    });

    it.each([
      ['another seller', 'budi', 404],
      ['pengurus of another cooperative', 'dinoyoKetua', 404],
      ['pengawas', 'pengawas', 403],
      ['kasir', 'kasir', 403],
      ['gudang', 'gudang', 200],
    ] as const)('%s: %s', async (_what, who, status) => {
      expect((await adjust(mine.id, { quantity: 1, reason: 'received' }, who)).status).toBe(status);
    });

    it('keeps the restock endpoint working as a received adjustment', async () => {
      const res = await http.call('POST', `/products/${mine.id}/restock`, { quantity: 4 }, 'sri');
      expect((await json(res)).stock.available).toBe(14);
      expect((await history(mine.id)).at(-1)).toMatchObject({ kind: 'stock_adjusted', reason: 'received' });
    });
  });

  describe('PUT /products/:id/photos', () => {
    it('sets photos uploaded by the same person, in order; every view carries them', async () => {
      const a = env.photos.add('pho_a', { cooperativeId: 'karangbesuki', personId: 'prs_sri' });
      const b = env.photos.add('pho_b', { cooperativeId: 'karangbesuki', personId: 'prs_sri' });
      const res = await setPhotos(mine.id, ['pho_b', 'pho_a']);
      expect(res.status).toBe(200);
      expect((await json(res)).photos).toEqual([b, a]);
      const snapshot = (await env.outboxOf(mine.id))
        .filter((e) => e.type.startsWith('pasar.catalog.product'))
        .at(-1);
      expect(snapshot?.data.imageUrl).toBe('/photos/pho_b/1200.webp'); // other services show the first photo
      const staff = await http.created({}, 'gudang');
      env.photos.add('pho_g', { cooperativeId: 'karangbesuki', personId: 'prs_gudang' });
      await setPhotos(staff.id, ['pho_g'], 'gudang');
      expect((await json(await http.get(`/products/${staff.id}`))).photos[0].photoId).toBe('pho_g');
      const listed = (await json(await http.get('/cooperatives/karangbesuki/products'))).items;
      expect(listed[0].photos).toHaveLength(1);
      expect((await setPhotos(mine.id, [])).status).toBe(200);
      expect((await env.deps.products.findById(mine.id))?.photos).toEqual([]);
    });

    it.each([
      ['an unknown photo', 'pho_nope'],
      ["another person's photo", 'pho_budi'],
      ["another cooperative's photo", 'pho_dinoyo'],
    ])('refuses %s: 422 PHOTO.NOT_FOUND naming photoIds', async (_what, id) => {
      env.photos.add('pho_budi', { cooperativeId: 'karangbesuki', personId: 'prs_budi' });
      env.photos.add('pho_dinoyo', { cooperativeId: 'dinoyo', personId: 'prs_sri' });
      const res = await setPhotos(mine.id, [id]);
      expect(res.status).toBe(422);
      expect(await json(res)).toMatchObject({ code: 'PHOTO.NOT_FOUND', details: { field: 'photoIds' } });
    });

    it.each([
      ['nine photos', Array.from({ length: 9 }, (_, i) => `pho_${i}`)],
      ['a photo twice', ['pho_a', 'pho_a']],
      ['a malformed id', ['../etc/passwd']],
      ['no list', undefined],
    ])('refuses %s: 400 naming photoIds', async (_what, ids) => {
      const res = await setPhotos(mine.id, ids);
      expect(res.status).toBe(400);
      expect((await fieldsOf(res))[0]).toMatch(/^photoIds/);
    });

    it("answers another seller's and another cooperative's product with 404", async () => {
      expect((await setPhotos(mine.id, [], 'budi')).status).toBe(404);
      expect((await setPhotos(mine.id, [], 'dinoyoKetua')).status).toBe(404);
    });
  });

  describe('GET /products/:id/history', () => {
    it('records every change by whom and when, oldest first, not the sales', async () => {
      env.photos.add('pho_a', { cooperativeId: 'karangbesuki', personId: 'prs_sri' });
      await http.call('PATCH', `/products/${mine.id}`, { name: 'Keripik Pedas', status: 'published' }, 'sri');
      await http.call('POST', `/products/${mine.id}/review/reject`, { reason: 'Nama kurang jelas' });
      await adjust(mine.id, { quantity: -2, reason: 'damaged', note: 'kemasan sobek' });
      await setPhotos(mine.id, ['pho_a']);
      await http.call('PATCH', `/products/${mine.id}`, { price: 12_000 }, 'gudang');
      await reserveStock(env.deps, orderPlaced(newOrderId(), [orderLine(mine, 1)])); // not published: refused, no entry

      const items = await history(mine.id);
      expect(items.map((e: { kind: string }) => e.kind)).toEqual([
        'created',
        'review_requested',
        'review_rejected',
        'stock_adjusted',
        'photos_set',
        'edited',
      ]);
      expect(items[1]).toMatchObject({
        by: { personId: 'prs_sri', roles: ['anggota', 'penjual'] },
        changes: [{ field: 'name', before: 'Keripik Tempe Bu Sri 250 g', after: 'Keripik Pedas' }],
      });
      expect(items[2]).toMatchObject({ by: { personId: 'prs_ketua' }, reason: 'Nama kurang jelas' });
      expect(items[3]).toMatchObject({
        reason: 'damaged',
        note: 'kemasan sobek',
        changes: [{ field: 'stock', before: 10, after: 8 }],
      });
      expect(items[4].changes).toEqual([{ field: 'photos', before: [], after: ['pho_a'] }]);
      expect(items[5]).toMatchObject({
        by: { personId: 'prs_gudang', roles: ['anggota', 'gudang'] },
        changes: [{ field: 'price', before: 10_000, after: 12_000 }],
      });
      expect(items[5].at >= items[0].at).toBe(true);
      expect(await history(mine.id, 'gudang')).toHaveLength(6);
      expect(await history(mine.id, 'pengawas')).toHaveLength(6);
    });

    it.each([
      ['another seller', 'budi', 404],
      ['pengurus of another cooperative', 'dinoyoKetua', 404],
      ['kasir', 'kasir', 403],
      ['anonymous', null, 401],
    ] as const)('%s: %s', async (_what, who, status) => {
      expect((await http.get(`/products/${mine.id}/history`, who)).status).toBe(status);
    });

    it('answers a malformed id with 400 naming param.productId, an unknown one with 404', async () => {
      expect(await fieldsOf(await http.get('/products/xyz/history', 'gudang'))).toEqual(['param.productId']);
      expect((await http.get('/products/ffffffffffffffffffffffff/history', 'gudang')).status).toBe(404);
    });
  });

  it('lets the owner seller archive their listing; it leaves the storefront', async () => {
    const p = await http.created({}, 'gudang');
    const own = await http.created({}, 'sri');
    await http.call('POST', `/products/${own.id}/review/approve`);
    expect((await http.get(`/products/${own.id}`)).status).toBe(200);
    const res = await http.call('PATCH', `/products/${own.id}`, { status: 'archived' }, 'sri');
    expect(await json(res)).toMatchObject({ status: 'archived' });
    expect((await http.get(`/products/${own.id}`)).status).toBe(404);
    expect((await http.call('PATCH', `/products/${p.id}`, { status: 'archived' }, 'sri')).status).toBe(404);
  });
});
