import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newOrderId, orderCancelled, orderConfirmed, orderLine, orderPlaced } from '../../test/builders';
import { catalogTestEnv } from '../../test/mongo-env';
import { encodeCursor, decodeCursor } from '../domain/cursor';
import {
  type CursorPosition,
  type ProductFilters,
  type ProductSort,
  PRODUCT_SORTS,
  sortKeyOf,
} from '../domain/listing';
import type { Product } from '../domain/product';
import { restockProduct } from '../use-cases/adjust-stock';
import { commitStock } from '../use-cases/commit-stock';
import { recordSeller } from '../use-cases/record-seller';
import { releaseStock } from '../use-cases/release-stock';
import { reserveStock } from '../use-cases/reserve-stock';
import { updateProduct } from '../use-cases/update-product';
import type { ProductStore } from '../use-cases/ports';
import { ListingIndex } from './listing-index';
import { MongoListingSource } from './listing-source';

const KB = 'karangbesuki';
const SRI = {
  sellerId: 'mbr_sri',
  personId: 'prs_sri',
  cooperativeId: KB,
  shopName: 'Dapur Bu Sri',
  description: 'Camilan',
  handoff: 'drop_off' as const,
};

/** Every page of a query, following cursors as listProducts makes them. */
async function allPages(
  list: ProductStore['list'],
  filters: ProductFilters,
  sort: ProductSort,
  limit: number,
) {
  const pages: { items: Product[]; hasMore: boolean }[] = [];
  let after: CursorPosition | undefined;
  for (let n = 0; n < 50; n++) {
    const page = await list(filters, sort, limit, after);
    pages.push({ items: page.items, hasMore: page.hasMore }); // the content too, not only the order
    const last = page.items.at(-1);
    if (!page.hasMore || !last) break;
    after = decodeCursor(encodeCursor({ key: sortKeyOf(last, sort), id: last.id }));
  }
  return pages;
}

const QUERIES: Omit<ProductFilters, 'cooperativeId'>[] = [
  {},
  { q: 'keripik' },
  { q: 'TEMPE pedas' },
  { inStock: true },
  { inStock: false },
  { category: 'sembako', minPrice: 10_000 },
  { maxPrice: 15_000, sellerId: 'mbr_sri' },
];

/** The read model against the plain mongo query on FerretDB, after each kind of write. */
describe.each(['memory', 'database'] as const)('listing index on FerretDB, content from %s', (content) => {
  let env: Awaited<ReturnType<typeof catalogTestEnv>>;
  let products: Product[];
  beforeAll(async () => {
    env = await catalogTestEnv('catalog_index', { listingContent: content });
    await recordSeller(env.deps, SRI, 'active', new Date());
    const names = ['Keripik Tempe Pedas', 'Keripik Singkong', 'Beras Merah', 'Gula Pasir', 'Kopi Tubruk'];
    products = [];
    for (let i = 0; i < 15; i++)
      products.push(
        await env.product({
          name: `${names[i % names.length]} ${i % 3 === 0 ? '' : `#${i}`}`.trim(),
          category: i % 2 === 0 ? 'makanan-ringan' : 'sembako',
          price: [5_000, 12_000, 12_000, 20_000][i % 4]!,
          sellerId: i % 3 === 0 ? 'mbr_budi' : 'mbr_sri',
          stock: i % 5 === 0 ? 0 : 3,
        }),
      );
    await env.product({ cooperativeId: 'dinoyo', name: 'Keripik Dinoyo' });
  });
  afterAll(() => env.drop());

  const index = () => env.deps.listingIndex!;
  /** Same pages, and both agree with a new index read from the database. */
  const expectAgreement = async () => {
    const fresh = new ListingIndex(new MongoListingSource(env.repos.products.model), { content });
    for (const sort of PRODUCT_SORTS)
      for (const q of QUERIES) {
        const filters = { ...q, cooperativeId: KB };
        const expected = await allPages(env.repos.products.list.bind(env.repos.products), filters, sort, 4);
        expect(
          await allPages(index().list.bind(index()), filters, sort, 4),
          `${sort} ${JSON.stringify(q)}`,
        ).toEqual(expected);
        expect(await allPages(fresh.list.bind(fresh), filters, sort, 4)).toEqual(expected);
      }
    expect(sortCounts(await index().categoryCounts(KB))).toEqual(
      sortCounts(await env.repos.products.categoryCounts(KB)),
    );
  };

  it('agrees with the mongo query after creates', async () => {
    await index().list({ cooperativeId: KB }, 'newest', 1); // loaded before the writes below
    await env.product({ name: 'Keripik Tempe Pedas Baru', price: 9_000 });
    await expectAgreement();
  });

  it('agrees after edits: price, name, status, archive', async () => {
    await updateProduct(env.deps, products[1]!.id, { price: 1_000 });
    await updateProduct(env.deps, products[2]!.id, { name: 'Apel Malang' });
    await updateProduct(env.deps, products[4]!.id, { status: 'archived' });
    await expectAgreement();
  });

  it('agrees after stock moves: reserve, commit, release, restock', async () => {
    const [a, b] = [products[6]!, products[7]!];
    const sold = newOrderId();
    await reserveStock(env.deps, orderPlaced(sold, [orderLine(a, 3), orderLine(b, 1)]));
    await commitStock(env.deps, orderConfirmed(sold, [orderLine(a, 3), orderLine(b, 1)]));
    await expectAgreement();
    const held = newOrderId();
    await reserveStock(env.deps, orderPlaced(held, [orderLine(b, 2)]));
    await expectAgreement();
    await releaseStock(env.deps, orderCancelled(held, [orderLine(b, 2)]), 'cancelled');
    await restockProduct(env.deps, products[0]!.id, 4);
    await expectAgreement();
  });

  it("agrees after a seller's suspension and reinstatement", async () => {
    await recordSeller(env.deps, SRI, 'suspended', new Date());
    await expectAgreement();
    await recordSeller(env.deps, SRI, 'active', new Date());
    await expectAgreement();
  });

  it('takes in a write made behind its back: at once from the database, at the next reload from memory', async () => {
    const target = products[9]!;
    await env.repos.products.model.updateOne({ _id: target.id }, { $set: { status: 'archived' } });
    const shown = async () =>
      (await index().list({ cooperativeId: KB }, 'newest', 50)).items.map((p) => p.id);
    if (content === 'database') expect(await shown()).not.toContain(target.id);
    else {
      expect(await shown()).toContain(target.id); // served from memory until the reload
      await (index() as ListingIndex).sweep(); // refreshMs 0: sweeps reload nothing…
      expect(await shown()).toContain(target.id);
      const reloading = new ListingIndex(new MongoListingSource(env.repos.products.model), {
        content,
        refreshMs: 1,
      });
      await reloading.list({ cooperativeId: KB }, 'newest', 1);
      await env.repos.products.model.updateOne({ _id: products[10]!.id }, { $set: { status: 'archived' } });
      await new Promise((r) => setTimeout(r, 5));
      await reloading.sweep(); // …with a refresh interval, the cooperative is read again
      const page = await reloading.list({ cooperativeId: KB }, 'newest', 50);
      expect(page.items.map((p) => p.id)).not.toContain(products[10]!.id);
      await index().refresh(KB, [target.id, products[10]!.id]);
    }
    await expectAgreement();
  });
});

const sortCounts = (c: { category: string; count: number }[]) =>
  [...c].sort((a, b) => a.category.localeCompare(b.category));
