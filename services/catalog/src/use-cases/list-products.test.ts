import { beforeEach, describe, expect, it } from 'vitest';
import {
  json,
  newOrderId,
  orderCancelled,
  orderConfirmed,
  orderLine,
  orderPlaced,
} from '../../test/builders';
import { memoryCatalogEnv, SELLERS } from '../../test/memory-env';
import { restockProduct } from './adjust-stock';
import { commitStock } from './commit-stock';
import { releaseStock } from './release-stock';
import { reserveStock } from './reserve-stock';
import { updateProduct } from './update-product';

/**
 * With the listing cache off, the public list is answered by the listing read model: every write of
 * catalog's use cases shows on the very next list (through the HTTP route, as shoppers see it).
 */
describe('public list with the read model and no cache', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  beforeEach(async () => {
    env = await memoryCatalogEnv();
  });

  const names = async (query = '') => {
    const res = await env.app.request(`/cooperatives/karangbesuki/products?limit=50${query}`);
    expect(res.status).toBe(200);
    return ((await json(res)).items as { name: string }[]).map((p) => p.name);
  };

  it('shows creates, edits and archiving on the next list', async () => {
    const tempe = await env.product({ name: 'Keripik Tempe', price: 15_000 });
    expect(await names()).toEqual(['Keripik Tempe']);
    expect(env.deps.listingIndex).toBeDefined();
    await env.product({ name: 'Beras Merah 5 kg', category: 'sembako', price: 70_000 });
    expect(await names('&sort=price_desc')).toEqual(['Beras Merah 5 kg', 'Keripik Tempe']);

    await updateProduct(env.deps, tempe.id, { name: 'Keripik Singkong', price: 90_000 });
    expect(await names('&sort=price_desc')).toEqual(['Keripik Singkong', 'Beras Merah 5 kg']);
    expect(await names('&q=singkong')).toEqual(['Keripik Singkong']);
    expect(await names('&q=tempe')).toEqual([]);

    await updateProduct(env.deps, tempe.id, { status: 'archived' });
    expect(await names()).toEqual(['Beras Merah 5 kg']);
    const categories = await json(await env.app.request('/cooperatives/karangbesuki/categories'));
    expect(categories).toEqual({ items: [{ category: 'sembako', count: 1 }] });
  });

  it('shows stock reserved, committed, released and restocked on the next list', async () => {
    const p = await env.product({ name: 'Gula 1 kg', stock: 2 });
    const inStock = () => names('&inStock=true');
    expect(await inStock()).toEqual(['Gula 1 kg']);

    const sold = newOrderId();
    await reserveStock(env.deps, orderPlaced(sold, [orderLine(p, 2)]));
    expect(await inStock()).toEqual([]);
    expect(await names('&inStock=false')).toEqual(['Gula 1 kg']);
    await commitStock(env.deps, orderConfirmed(sold, [orderLine(p, 2)]));
    expect(await inStock()).toEqual([]);

    await releaseStock(env.deps, orderCancelled(sold, [orderLine(p, 2)]), 'cancelled');
    expect(await inStock()).toEqual(['Gula 1 kg']);

    const again = newOrderId();
    await reserveStock(env.deps, orderPlaced(again, [orderLine(p, 2)]));
    expect(await inStock()).toEqual([]);
    await restockProduct(env.deps, p.id, 3);
    expect(await inStock()).toEqual(['Gula 1 kg']);
  });

  it("hides a suspended seller's goods on the next list and shows them again when reinstated", async () => {
    await env.product({ name: 'Keripik Sri', sellerId: SELLERS.sri.sellerId });
    await env.product({ name: 'Sawi Budi', sellerId: SELLERS.budi.sellerId });
    expect(await names()).toEqual(['Sawi Budi', 'Keripik Sri']);
    await env.seller(SELLERS.sri, 'suspended');
    expect(await names()).toEqual(['Sawi Budi']);
    await env.seller(SELLERS.sri, 'active');
    expect(await names()).toEqual(['Sawi Budi', 'Keripik Sri']);
  });
});
