import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryCatalogEnv } from '../../test/memory-env';
import { bearer, json, PEOPLE } from '../../test/builders';
import { CURSOR_PATTERN } from '../domain/cursor';
import type { Product } from '../domain/product';

/** The shopper's API through createApp(...).request() over in-memory stores. */
describe('public catalog routes', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let tempe: Product;
  let draft: Product;

  beforeAll(async () => {
    env = await memoryCatalogEnv();
    tempe = await env.product({ name: 'Keripik Tempe Bu Sri 250 g', price: 15_000, stock: 3 });
    await env.product({
      name: 'LPG 3 kg',
      category: 'lpg',
      unit: 'tabung',
      price: 18_000,
      maxPerOrder: 1,
      stock: 0,
    });
    await env.product({ name: 'Kopi Tubruk', category: 'minuman', price: 25_000 });
    draft = await env.product({ name: 'Keripik Belum Terbit', status: 'draft' });
  });
  afterAll(() => env.drop());

  const get = (path: string, headers: Record<string, string> = {}) => env.app.request(path, { headers });
  const fieldsOf = async (res: Response) =>
    ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);

  describe('GET /cooperatives/:cooperativeId/products', () => {
    it('lists published products as ProductViews, newest first', async () => {
      const res = await get('/cooperatives/karangbesuki/products');
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.nextCursor).toBeNull();
      expect(body.items.map((p: { name: string }) => p.name)).toEqual([
        'Kopi Tubruk',
        'LPG 3 kg',
        'Keripik Tempe Bu Sri 250 g',
      ]);
      expect(body.items[2]).toEqual({
        id: tempe.id,
        cooperativeId: 'karangbesuki',
        sellerId: 'mbr_sri',
        sku: tempe.sku,
        name: 'Keripik Tempe Bu Sri 250 g',
        description: tempe.description,
        category: 'makanan-ringan',
        unit: 'pack',
        price: 15_000,
        maxPerOrder: null,
        buyerLimit: null,
        het: false,
        imageUrl: null,
        photos: [],
        seller: { sellerId: 'mbr_sri', shopName: 'Dapur Bu Sri' },
        status: 'published',
        stock: { available: 3, reserved: 0 },
        inStock: true,
        createdAt: tempe.createdAt.toISOString(),
      });
    });

    it('searches, filters and sorts from the query string', async () => {
      const names = async (qs: string) =>
        (
          (await json(await get(`/cooperatives/karangbesuki/products?${qs}`))) as {
            items: { name: string }[];
          }
        ).items.map((p) => p.name);
      expect(await names('q=KERIPIK')).toEqual(['Keripik Tempe Bu Sri 250 g']);
      expect(await names('inStock=false')).toEqual(['LPG 3 kg']);
      expect(await names('category=minuman')).toEqual(['Kopi Tubruk']);
      expect(await names('minPrice=16000&maxPrice=20000')).toEqual(['LPG 3 kg']);
      expect(await names('sort=price_desc')).toEqual([
        'Kopi Tubruk',
        'LPG 3 kg',
        'Keripik Tempe Bu Sri 250 g',
      ]);
      expect(await names('q=&category=&minPrice=&maxPrice=&inStock=&sort=name')).toHaveLength(3); // blank form fields
    });

    it('pages with an opaque cursor', async () => {
      const first = await json(await get('/cooperatives/karangbesuki/products?sort=name&limit=2'));
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toMatch(CURSOR_PATTERN);
      const second = await json(
        await get(`/cooperatives/karangbesuki/products?sort=name&limit=2&cursor=${first.nextCursor}`),
      );
      expect(second.items.map((p: { name: string }) => p.name)).toEqual(['LPG 3 kg']);
      expect(second.nextCursor).toBeNull();
    });

    it.each([
      ['a malformed cursor', 'cursor=%%%', 'query.cursor'],
      [
        'an old-style JSON cursor',
        `cursor=${Buffer.from('{"v":1,"s":"newest","k":1,"id":"665f1c2b9d3e4a0012ab34cd"}').toString('base64url')}`,
        'query.cursor',
      ],
      ['a cursor with an upper-case id', 'cursor=15000.665F1C2B9D3E4A0012AB34CD', 'query.cursor'],
      ['limit 0', 'limit=0', 'query.limit'],
      ['limit 51', 'limit=51', 'query.limit'],
      ['a fractional limit', 'limit=2.5', 'query.limit'],
      ['an unknown sort', 'sort=cheapest', 'query.sort'],
      ['an unknown category', 'category=narkoba', 'query.category'],
      ['a negative price', 'minPrice=-1', 'query.minPrice'],
      ['a fractional price', 'maxPrice=1.5', 'query.maxPrice'],
      ['inStock=yes', 'inStock=yes', 'query.inStock'],
      ['a search over 100 characters', `q=${'a'.repeat(101)}`, 'query.q'],
    ])('answers %s with 400 naming the field', async (_what, qs, field) => {
      const res = await get(`/cooperatives/karangbesuki/products?${qs}`);
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
    });

    it('answers a reversed price range with an empty page, not an error', async () => {
      const res = await get('/cooperatives/karangbesuki/products?minPrice=5000&maxPrice=1000');
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ items: [], nextCursor: null });
    });

    it('accepts any cursor that fits the documented pattern as a position', async () => {
      const page = async (qs: string) => {
        const res = await get(`/cooperatives/karangbesuki/products?${qs}`);
        expect(res.status).toBe(200);
        return ((await json(res)) as { items: { name: string }[] }).items.map((p) => p.name);
      };
      // After 16,000 rupiah in price order: the two dearer ones.
      expect(await page('sort=price_asc&cursor=16000.000000000000000000000000')).toEqual([
        'LPG 3 kg',
        'Kopi Tubruk',
      ]);
      // A text position: after "kopi" in name order ("kopi tubruk" comes after "kopi").
      const kopi = Buffer.from('kopi').toString('base64url');
      expect(await page(`sort=name&cursor=~${kopi}.ffffffffffffffffffffffff`)).toEqual([
        'Kopi Tubruk',
        'LPG 3 kg',
      ]);
      // A position of the other kind: numbers come before strings (MongoDB's order).
      expect(await page('sort=name&cursor=5.ffffffffffffffffffffffff')).toHaveLength(3);
      expect(await page(`sort=price_asc&cursor=~${kopi}.ffffffffffffffffffffffff`)).toEqual([]);
      expect(await page(`sort=newest&cursor=~${kopi}.ffffffffffffffffffffffff`)).toHaveLength(3);
    });

    it('answers a malformed cooperative id with 400 naming param.cooperativeId', async () => {
      const res = await get('/cooperatives/Karang%20Besuki/products');
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(['param.cooperativeId']);
    });

    it('lists nothing for a cooperative without products', async () => {
      expect(await json(await get('/cooperatives/bumiayu/products'))).toEqual({
        items: [],
        nextCursor: null,
      });
    });
  });

  describe('GET /products/:productId', () => {
    it('returns a published product', async () => {
      const res = await get(`/products/${tempe.id}`);
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ id: tempe.id, name: tempe.name, inStock: true });
    });

    it('hides drafts from the public but shows them to staff', async () => {
      const res = await get(`/products/${draft.id}`);
      expect(res.status).toBe(404);
      expect((await json(res)).code).toBe('PRODUCT.NOT_FOUND');
      expect((await get(`/products/${draft.id}`, await bearer(PEOPLE.gudang))).status).toBe(200);
    });

    it('answers an unknown product with 404 PRODUCT.NOT_FOUND', async () => {
      const res = await get('/products/ffffffffffffffffffffffff');
      expect(res.status).toBe(404);
      expect(await json(res)).toMatchObject({ code: 'PRODUCT.NOT_FOUND', requestId: expect.any(String) });
    });

    it.each(['123', 'not-an-id', 'FFFFFFFFFFFFFFFFFFFFFFFF', 'ffffffffffffffffffffffff0'])(
      'answers the malformed id %s with 400 naming param.productId',
      async (id) => {
        const res = await get(`/products/${id}`);
        expect(res.status).toBe(400);
        expect(await fieldsOf(res)).toEqual(['param.productId']);
      },
    );
  });

  describe('GET /cooperatives/:cooperativeId/categories', () => {
    it('counts published products per category in catalogue order', async () => {
      const res = await get('/cooperatives/karangbesuki/categories');
      expect(await json(res)).toEqual({
        items: [
          { category: 'lpg', count: 1 },
          { category: 'makanan-ringan', count: 1 },
          { category: 'minuman', count: 1 },
        ],
      });
    });

    it('answers a malformed cooperative id with 400', async () => {
      expect((await get('/cooperatives/$$/categories')).status).toBe(400);
    });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('ROUTE.NOT_FOUND');
  });
});
