import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogTestEnv } from '../../test/mongo-env';
import { newOrderId, orderLine, orderPlaced } from '../../test/builders';
import { listCategories } from './list-categories';
import { listProducts } from './list-products';
import { reserveStock } from './reserve-stock';
import { restockProduct } from './adjust-stock';
import { updateProduct } from './update-product';

/** With the listing cache on (a whole minute), local changes still show on the next list at once. */
describe('listing cache freshness', () => {
  let env: Awaited<ReturnType<typeof catalogTestEnv>>;
  beforeAll(async () => {
    env = await catalogTestEnv('catalog_cache', { listingCacheMs: 60_000 });
  });
  afterAll(() => env.drop());

  const list = async () =>
    (await listProducts(env.deps, { cooperativeId: 'karangbesuki', sort: 'newest', limit: 20 })).items;

  it('shows new products, edits, reservations and restocks on the next read', async () => {
    const p = await env.product({ stock: 2 });
    expect((await list()).map((x) => x.id)).toEqual([p.id]);
    const direct = await env.repos.products.model.updateOne({ _id: p.id }, { $set: { price: 1 } });
    expect(direct.modifiedCount).toBe(1);
    expect((await list())[0]?.price).toBe(15_000); // a change made behind catalog's back waits for the ttl

    await updateProduct(env.deps, p.id, { name: 'Keripik Baru' });
    expect((await list())[0]?.name).toBe('Keripik Baru');

    await reserveStock(env.deps, orderPlaced(newOrderId(), [orderLine(p, 2)]));
    expect((await list())[0]?.stock).toEqual({ available: 0, reserved: 2, sold: 0 });

    await restockProduct(env.deps, p.id, 5);
    expect((await list())[0]?.stock.available).toBe(5);

    await env.product({ category: 'lpg' });
    expect(await listCategories(env.deps, 'karangbesuki')).toEqual([
      { category: 'lpg', count: 1 },
      { category: 'makanan-ringan', count: 1 },
    ]);
  });
});
