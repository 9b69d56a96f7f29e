import { beforeEach, describe, expect, it } from 'vitest';
import { json, newOrderId, orderConfirmed, orderLine, orderPlaced } from '../../test/builders';
import { peopleClient } from '../../test/http';
import { memoryCatalogEnv, SELLERS } from '../../test/memory-env';
import { commitStock } from '../use-cases/commit-stock';
import { reserveStock } from '../use-cases/reserve-stock';

/** Sellers in the catalogue: shop names on products, the public seller page, suspension and reinstatement. */
describe('sellers in the catalogue', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let http: Awaited<ReturnType<typeof peopleClient>>;
  beforeEach(async () => {
    env = await memoryCatalogEnv({ listingCacheMs: 60_000 });
    http = await peopleClient(env.app);
  });

  const names = async (path: string) =>
    ((await json(await http.get(path))).items as { name: string }[]).map((p) => p.name);

  it("puts the seller's shop on every product, null for the cooperative's own goods", async () => {
    await http.created({ name: 'Keripik Sri' });
    await http.created({ name: 'Beras Koperasi', sellerId: 'mbr_kb_koperasi', category: 'sembako' });
    const items = (await json(await http.get('/cooperatives/karangbesuki/products'))).items;
    expect(
      items.map((p: { name: string; seller: unknown; photos: unknown }) => [p.name, p.seller, p.photos]),
    ).toEqual([
      ['Beras Koperasi', null, []],
      ['Keripik Sri', { sellerId: 'mbr_sri', shopName: 'Dapur Bu Sri' }, []],
    ]);
  });

  it('serves the public seller page with their published goods only', async () => {
    await http.created({ name: 'Keripik Sri' });
    await http.created({ name: 'Draf Sri', status: 'draft' });
    await http.created({ name: 'Sayur Budi', sellerId: 'mbr_budi' });
    const res = await http.get('/cooperatives/karangbesuki/sellers/mbr_sri');
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(page).toMatchObject({
      sellerId: 'mbr_sri',
      cooperativeId: 'karangbesuki',
      shopName: 'Dapur Bu Sri',
      description: 'Keripik tempe dan camilan rumahan.',
      handoff: 'drop_off',
    });
    expect(page.personId).toBeUndefined();
    expect(page.products.map((p: { name: string }) => p.name)).toEqual(['Keripik Sri']);
  });

  it.each([
    ['an unknown seller', '/cooperatives/karangbesuki/sellers/mbr_nobody', 404],
    ["another cooperative's path for the seller", '/cooperatives/dinoyo/sellers/mbr_sri', 404],
    ['a malformed seller id', '/cooperatives/karangbesuki/sellers/mbr%20sri', 400],
  ])('answers %s with %i', async (_what, path, status) => {
    const res = await http.get(path);
    expect(res.status).toBe(status);
    if (status === 404) expect((await json(res)).code).toBe('SELLER.NOT_FOUND');
  });

  it('hides a suspended seller from list, search, categories, product and seller page within one event; reinstatement brings them back', async () => {
    const sri = await http.created({ name: 'Keripik Sri' });
    await http.created({ name: 'Kopi Koperasi', sellerId: 'mbr_kb_koperasi', category: 'minuman' });
    expect(await names('/cooperatives/karangbesuki/products')).toHaveLength(2); // now cached for a minute

    await env.seller(SELLERS.sri, 'suspended');
    expect(await names('/cooperatives/karangbesuki/products')).toEqual(['Kopi Koperasi']);
    expect(await names('/cooperatives/karangbesuki/products?q=keripik')).toEqual([]);
    expect((await json(await http.get('/cooperatives/karangbesuki/categories'))).items).toEqual([
      { category: 'minuman', count: 1 },
    ]);
    expect((await http.get(`/products/${sri.id}`)).status).toBe(404);
    expect((await http.get('/cooperatives/karangbesuki/sellers/mbr_sri')).status).toBe(404);
    // Staff still see it in the back office, marked.
    const all = (await json(await http.get('/cooperatives/karangbesuki/products/all', 'gudang'))).items;
    expect(all).toContainEqual(expect.objectContaining({ id: sri.id, sellerSuspended: true }));
    expect((await http.get(`/products/${sri.id}`, 'gudang')).status).toBe(200);

    await env.seller(SELLERS.sri, 'active');
    expect(await names('/cooperatives/karangbesuki/products?q=keripik')).toEqual(['Keripik Sri']);
    expect((await http.get(`/products/${sri.id}`)).status).toBe(200);
  });

  it('ignores an older seller event arriving after a newer one', async () => {
    const p = await http.created({ name: 'Keripik Sri' });
    await env.seller(SELLERS.sri, 'active', new Date('2026-12-01T10:00:00Z'));
    expect(await env.seller(SELLERS.sri, 'suspended', new Date('2026-12-01T09:00:00Z'))).toBe('stale');
    expect((await http.get(`/products/${p.id}`)).status).toBe(200);
  });

  it('refuses new reservations for a suspended seller, but commits an order placed before', async () => {
    const p = await env.product({ stock: 5 });
    const before = newOrderId();
    const lines = [orderLine(p, 2)];
    expect((await reserveStock(env.deps, orderPlaced(before, lines))).status).toBe('RESERVED');

    await env.seller(SELLERS.sri, 'suspended');
    const after = newOrderId();
    expect((await reserveStock(env.deps, orderPlaced(after, [orderLine(p, 1)]))).status).toBe('REJECTED');
    expect((await env.reservations.get(after))?.rejection).toMatchObject({ reason: 'PRODUCT_UNAVAILABLE' });
    expect((await commitStock(env.deps, orderConfirmed(before, lines))).status).toBe('COMMITTED');
    expect((await env.deps.products.findById(p.id))?.stock).toEqual({ available: 3, reserved: 0, sold: 2 });
  });

  it("lists a penjual's goods under their own seller id and shop, whatever the body says", async () => {
    const view = await http.created({ sellerId: 'mbr_budi', status: 'draft' }, 'sri');
    expect(view).toMatchObject({
      sellerId: 'mbr_sri',
      seller: { sellerId: 'mbr_sri', shopName: 'Dapur Bu Sri' },
    });
  });

  it.each([
    ['category lpg', { category: 'lpg', unit: 'tabung' }, 'category'],
    ['category pupuk', { category: 'pupuk', unit: 'sak' }, 'category'],
    ['het', { het: true }, 'het'],
    ['a buyer limit', { buyerLimit: { quantity: 2, period: 'week' } }, 'buyerLimit'],
  ])('refuses a penjual listing subsidised goods (%s): 422 naming %s', async (_what, body, field) => {
    const before = await env.countProducts();
    const res = await http.call(
      'POST',
      '/cooperatives/karangbesuki/products',
      {
        ...body,
        sku: 'X-1',
        name: 'LPG',
        unit: 'pack',
        category: 'makanan-ringan',
        price: 18_000,
        stock: 1,
        ...body,
      },
      'sri',
    );
    expect(res.status).toBe(422);
    expect(await json(res)).toMatchObject({ code: 'PRODUCT.SUBSIDISED_STAFF_ONLY', details: { field } });
    expect(await env.countProducts()).toBe(before);
  });

  it('lets staff list subsidised goods at the HET', async () => {
    const view = await http.created(
      {
        category: 'lpg',
        unit: 'tabung',
        het: true,
        buyerLimit: { quantity: 2, period: 'week' },
        sellerId: 'mbr_kb_koperasi',
      },
      'ketua',
    );
    expect(view).toMatchObject({ het: true, status: 'published' });
  });

  it("refuses a penjual's PATCH that marks goods HET (422 naming het)", async () => {
    const p = await http.created({ status: 'draft' }, 'sri');
    const res = await http.call('PATCH', `/products/${p.id}`, { het: true }, 'sri');
    expect(res.status).toBe(422);
    expect((await json(res)).details).toEqual({ field: 'het' });
  });
});
