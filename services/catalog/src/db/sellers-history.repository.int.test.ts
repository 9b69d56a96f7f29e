import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogTestEnv } from '../../test/mongo-env';
import { adjustStock } from '../use-cases/adjust-stock';
import { updateProduct } from '../use-cases/update-product';

/** The mongoose side of sellers, history, listing settings and photos on FerretDB. */
describe('sellers, history, settings and photos repositories', () => {
  let env: Awaited<ReturnType<typeof catalogTestEnv>>;
  beforeAll(async () => {
    env = await catalogTestEnv('catalog_sellers_repo');
  });
  afterAll(() => env.drop());

  const sri = {
    sellerId: 'mbr_sri',
    personId: 'prs_sri',
    cooperativeId: 'karangbesuki',
    shopName: 'Dapur Bu Sri',
    description: 'Camilan rumahan',
    handoff: 'drop_off' as const,
  };

  it('keeps the newest seller state and flips every product of the seller in one updateMany', async () => {
    const p = await env.product({ sellerId: 'mbr_sri' });
    const other = await env.product({ sellerId: 'mbr_other', category: 'minuman' });
    const t = (h: number) => new Date(Date.UTC(2026, 11, 1, h));
    expect(await env.deps.sellers.apply({ ...sri, status: 'active' }, t(9))).toBe('applied');
    expect(await env.deps.sellers.apply({ ...sri, status: 'suspended' }, t(10))).toBe('applied');
    expect(await env.deps.sellers.apply({ ...sri, status: 'active' }, t(8))).toBe('stale');
    expect(await env.deps.sellers.findByPerson('karangbesuki', 'prs_sri')).toMatchObject({
      status: 'suspended',
    });
    expect(await env.deps.sellers.find('dinoyo', 'mbr_sri')).toBeNull();

    expect(await env.deps.products.setSeller('karangbesuki', 'mbr_sri', sri, true)).toBe(1);
    const page = await env.deps.products.list({ cooperativeId: 'karangbesuki' }, 'newest', 20);
    expect(page.items.map((x) => x.id)).toEqual([other.id]);
    expect(await env.deps.products.categoryCounts('karangbesuki')).toEqual([
      { category: 'minuman', count: 1 },
    ]);
    // An edit read before the suspension does not undo it.
    await updateProduct(env.deps, p.id, { name: 'Keripik Baru' }, {}, { ...p, sellerSuspended: false });
    expect(await env.deps.products.findById(p.id)).toMatchObject({
      name: 'Keripik Baru',
      sellerSuspended: true,
      seller: { sellerId: 'mbr_sri', shopName: 'Dapur Bu Sri' },
    });
    expect(await env.deps.stock.hold(p.id, 'ord_0123456789abcdef', 1)).toMatchObject({ held: false });

    await env.deps.products.setSeller('karangbesuki', 'mbr_sri', sri, false);
    const seller = await env.deps.products.list(
      { cooperativeId: 'karangbesuki', sellerId: 'mbr_sri' },
      'newest',
      20,
    );
    expect(seller.items.map((x) => x.id)).toEqual([p.id]);
  });

  it('moves history entries out of the product into product_history, and reads pending ones too', async () => {
    const p = await env.product({ stock: 4 });
    await adjustStock(env.deps, p.id, { quantity: 3, reason: 'received', note: 'kiriman' });
    const doc = await env.repos.products.model.findById(p.id, { historyPending: 1 }).lean();
    expect((doc as { historyPending?: object }).historyPending ?? {}).toEqual({});
    expect(await env.repos.history.coll.countDocuments({ productId: p.id })).toBe(2);

    // A crash between the product write and the move leaves an entry pending: reads still show it.
    const pending = {
      id: 'hst_crashed',
      productId: p.id,
      cooperativeId: 'karangbesuki',
      at: new Date(),
      by: null,
      kind: 'edited',
      changes: [],
    };
    await env.repos.products.model.updateOne(
      { _id: p.id },
      { $set: { 'historyPending.hst_crashed': pending } },
    );
    expect((await env.deps.history.list(p.id)).map((e) => e.kind)).toEqual([
      'created',
      'stock_adjusted',
      'edited',
    ]);
    await updateProduct(env.deps, p.id, { price: 16_000 });
    expect(await env.repos.history.coll.countDocuments({ productId: p.id })).toBe(4);
    const kinds = (await env.deps.history.list(p.id)).map((e) => e.kind);
    expect(kinds).toHaveLength(4);
    expect(kinds[0]).toBe('created');
  });

  it('stores listing settings with their audit event in one document', async () => {
    expect((await env.deps.listingSettings.get('karangbesuki')).priceReviewThresholdPercent).toBe(20);
    await env.deps.listingSettings.save(
      { cooperativeId: 'karangbesuki', priceReviewThresholdPercent: 30, updatedAt: new Date() },
      [],
    );
    expect((await env.deps.listingSettings.get('karangbesuki')).priceReviewThresholdPercent).toBe(30);
  });

  it("resolves only the uploader's own photos in the cooperative, smallest variant first", async () => {
    const photos = env.db.conn.collection('photos');
    await photos.insertMany([
      {
        _id: 'pho_1',
        cooperativeId: 'karangbesuki',
        ownerPersonId: 'prs_sri',
        width: 1200,
        height: 800,
        variants: [
          { width: 1200, url: '/photos/pho_1/1200.webp' },
          { width: 320, url: '/photos/pho_1/320.webp' },
        ],
      },
      {
        _id: 'pho_2',
        cooperativeId: 'karangbesuki',
        ownerPersonId: 'prs_budi',
        width: 1,
        height: 1,
        variants: [],
      },
    ] as never);
    const owner = { cooperativeId: 'karangbesuki', personId: 'prs_sri' };
    expect(await env.deps.photos.findOwned(['pho_1'], owner)).toEqual([
      {
        photoId: 'pho_1',
        width: 1200,
        height: 800,
        variants: [
          { width: 320, url: '/photos/pho_1/320.webp' },
          { width: 1200, url: '/photos/pho_1/1200.webp' },
        ],
      },
    ]);
    expect(await env.deps.photos.findOwned(['pho_1', 'pho_2'], owner)).toBeNull();
    expect(await env.deps.photos.findOwned(['pho_1'], { ...owner, cooperativeId: 'dinoyo' })).toBeNull();
  });
});
