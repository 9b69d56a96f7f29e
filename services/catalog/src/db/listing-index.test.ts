import type { Category } from '@pasar/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aProduct } from '../../test/builders';
import { encodeCursor, decodeCursor } from '../domain/cursor';
import {
  type CursorPosition,
  type ProductFilters,
  type ProductSort,
  PRODUCT_SORTS,
  sortKeyOf,
} from '../domain/listing';
import { cardOf, compareText, type ListingCard } from '../domain/listing-card';
import { buildProduct, type Product, type ProductStatus } from '../domain/product';
import { MemoryProducts } from '../testing/in-memory';
import { ListingIndex, type ListingSource } from './listing-index';

const COOP = 'karangbesuki';
let idSeq = 0;
/** Ids in ObjectId form, increasing (so ties on a sort key are broken by creation order here). */
const nextId = () => (++idSeq).toString(16).padStart(24, '0');

function product(overrides: Partial<Omit<Product, 'stock'>> & { stock?: number } = {}): Product {
  const { stock, ...rest } = overrides;
  const base = buildProduct(aProduct({ stock: stock ?? 10 }), nextId(), new Date('2025-01-01T00:00:00Z'));
  return { ...base, ...rest };
}

/** A store, its products and an index over it (and how often the index read everything). */
async function indexed(products: Product[], opts: ConstructorParameters<typeof ListingIndex>[1] = {}) {
  const store = new MemoryProducts();
  for (const p of products) await store.products.insert(p, [], []);
  let loads = 0;
  let reads = 0;
  const source: ListingSource = {
    cards: (c) => {
      loads++;
      return store.listingSource.cards(c);
    },
    products: (c) => {
      loads++;
      return store.listingSource.products(c);
    },
    read: (ids) => {
      reads++;
      return store.listingSource.read(ids);
    },
  };
  const index = new ListingIndex(source, opts);
  return { store, index, loads: () => loads, reads: () => reads };
}

/** Every page of a query, following the cursors as listProducts makes them. */
async function allPages(
  list: ListingIndex['list'],
  filters: ProductFilters,
  sort: ProductSort,
  limit: number,
): Promise<{ ids: string[][]; more: boolean[] }> {
  const ids: string[][] = [];
  const more: boolean[] = [];
  let after: CursorPosition | undefined;
  for (let n = 0; n < 100; n++) {
    const page = await list(filters, sort, limit, after);
    ids.push(page.items.map((p) => p.id));
    more.push(page.hasMore);
    const last = page.items.at(-1);
    if (!page.hasMore || !last) break;
    after = decodeCursor(encodeCursor({ key: sortKeyOf(last, sort), id: last.id }));
  }
  return { ids, more };
}

describe('ListingIndex: a page', () => {
  it('lists in every sort with ties broken by id in the sort direction', async () => {
    const a = product({ name: 'Beras', price: 10_000, createdAt: new Date('2025-01-02') });
    const b = product({ name: 'Apel', price: 10_000, createdAt: new Date('2025-01-02') });
    const c = product({ name: 'Cabai', price: 5_000, createdAt: new Date('2025-01-03') });
    const { index } = await indexed([a, b, c]);
    const ids = async (sort: ProductSort) =>
      (await index.list({ cooperativeId: COOP }, sort, 10)).items.map((p) => p.name);
    expect(await ids('newest')).toEqual(['Cabai', 'Apel', 'Beras']); // a < b: descending ties → b first
    expect(await ids('price_asc')).toEqual(['Cabai', 'Beras', 'Apel']);
    expect(await ids('price_desc')).toEqual(['Apel', 'Beras', 'Cabai']);
    expect(await ids('name')).toEqual(['Apel', 'Beras', 'Cabai']);
  });

  it('continues strictly after the cursor, also inside a run of equal keys', async () => {
    const same = Array.from({ length: 5 }, () => product({ price: 7_000 }));
    const { index } = await indexed(same);
    const first = await index.list({ cooperativeId: COOP }, 'price_asc', 2);
    expect(first.hasMore).toBe(true);
    const last = first.items[1]!;
    const second = await index.list({ cooperativeId: COOP }, 'price_asc', 2, { key: 7_000, id: last.id });
    expect([...first.items, ...second.items].map((p) => p.id)).toEqual(same.slice(0, 4).map((p) => p.id));
    const rest = await index.list({ cooperativeId: COOP }, 'price_asc', 2, {
      key: 7_000,
      id: second.items[1]!.id,
    });
    expect(rest).toMatchObject({ hasMore: false });
    expect(rest.items.map((p) => p.id)).toEqual([same[4]!.id]);
  });

  it('filters by seller, category, price range, stock and every search term, and shows only visible products', async () => {
    const match = product({ name: 'Keripik Tempe Pedas', price: 12_000, category: 'makanan-ringan' });
    const { index } = await indexed([
      match,
      product({ name: 'Keripik Tempe Pedas', price: 12_000, status: 'draft' }),
      product({ name: 'Keripik Tempe Pedas', price: 12_000, sellerSuspended: true }),
      product({ name: 'Keripik Tempe Pedas', price: 12_000, cooperativeId: 'dinoyo' }),
      product({ name: 'Keripik Tempe Pedas', price: 12_000, sellerId: 'mbr_budi' }),
      product({ name: 'Keripik Tempe Pedas', price: 12_000, category: 'lpg' as Category }),
      product({ name: 'Keripik Tempe Pedas', price: 25_000 }),
      product({ name: 'Keripik Tempe Pedas', price: 12_000, stock: 0 }),
      product({ name: 'Keripik Singkong Pedas', price: 12_000 }),
    ]);
    const page = await index.list(
      {
        cooperativeId: COOP,
        sellerId: 'mbr_sri',
        category: 'makanan-ringan',
        minPrice: 10_000,
        maxPrice: 20_000,
        inStock: true,
        q: 'PEDAS  tempé',
      },
      'newest',
      10,
    );
    expect(page.items.map((p) => p.id)).toEqual([match.id]);
    const outOfStock = await index.list({ cooperativeId: COOP, inStock: false }, 'newest', 10);
    expect(outOfStock.items.map((p) => p.stock.available)).toEqual([0]);
  });

  it('reads a cooperative once, however many first requests arrive together', async () => {
    const { index, loads } = await indexed([product(), product()]);
    const pages = await Promise.all(
      Array.from({ length: 5 }, () => index.list({ cooperativeId: COOP }, 'newest', 10)),
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 2, 2]);
    expect(await index.categoryCounts(COOP)).toEqual([{ category: 'makanan-ringan', count: 2 }]);
    expect(loads()).toBe(1);
    expect(index.stats()).toEqual({ cooperatives: 1, cards: 2 });
  });

  it('orders names by code point, as the database does (not by UTF-16 unit)', () => {
    expect(compareText('a\u{1F600}', 'a\uFF21')).toBeGreaterThan(0); // 😀 (U+1F600) after Ａ (U+FF21)
    expect(compareText('abc', 'abd')).toBeLessThan(0);
    expect(compareText('ab', 'abc')).toBeLessThan(0);
    expect(compareText('abc', 'abc')).toBe(0);
  });
});

describe('ListingIndex: kept current', () => {
  it('shows a refreshed change on the next page: price (and so the order), stock, archive', async () => {
    const cheap = product({ price: 1_000 });
    const dear = product({ price: 9_000 });
    const { store, index } = await indexed([cheap, dear]);
    const byPrice = async () =>
      (await index.list({ cooperativeId: COOP, inStock: true }, 'price_asc', 10)).items.map((p) => p.id);
    expect(await byPrice()).toEqual([cheap.id, dear.id]);

    store.get(cheap.id)!.product.price = 10_000;
    await index.refresh(COOP, [cheap.id]);
    expect(await byPrice()).toEqual([dear.id, cheap.id]);

    store.get(dear.id)!.product.stock.available = 0;
    await index.refresh(COOP, [dear.id]);
    expect(await byPrice()).toEqual([cheap.id]);

    store.get(cheap.id)!.product.status = 'archived';
    await index.refresh(COOP, [cheap.id]);
    expect(await byPrice()).toEqual([]);
    expect(await index.categoryCounts(COOP)).toEqual([{ category: 'makanan-ringan', count: 1 }]); // out of stock, still listed
  });

  it("hides a suspended seller's products after refreshSeller", async () => {
    const sri = product({ sellerId: 'mbr_sri' });
    const budi = product({ sellerId: 'mbr_budi' });
    const { store, index } = await indexed([sri, budi]);
    await index.list({ cooperativeId: COOP }, 'newest', 10);
    store.get(sri.id)!.product.sellerSuspended = true;
    await index.refreshSeller(COOP, 'mbr_sri');
    expect((await index.list({ cooperativeId: COOP }, 'newest', 10)).items.map((p) => p.id)).toEqual([
      budi.id,
    ]);
  });

  it('never shows a product that stopped matching behind its back, and fills the page from the next ones', async () => {
    const ps = Array.from({ length: 4 }, (_, i) => product({ price: 1_000 * (i + 1) }));
    const { store, index } = await indexed(ps, { content: 'database' });
    await index.list({ cooperativeId: COOP }, 'price_asc', 2);
    // Another process archives the first and reprices the second (no refresh here).
    store.get(ps[0]!.id)!.product.status = 'archived';
    store.get(ps[1]!.id)!.product.price = 99_000;
    const page = await index.list({ cooperativeId: COOP }, 'price_asc', 2);
    expect(page.items.map((p) => p.id)).toEqual([ps[2]!.id, ps[3]!.id]);
    expect(page.hasMore).toBe(true); // the repriced one now comes last
  });

  it('serves pages from memory by default: no read per page, the products as last read', async () => {
    const p = product({ name: 'Gula Pasir 1 kg' });
    const { store, index, reads } = await indexed([p]);
    await index.list({ cooperativeId: COOP }, 'newest', 10);
    store.get(p.id)!.product.description = 'changed behind its back';
    const [shown] = (await index.list({ cooperativeId: COOP, q: 'gula' }, 'newest', 10)).items;
    expect(shown?.description).toBe(p.description);
    expect(reads()).toBe(0);
    await index.refresh(COOP, [p.id]);
    const [after] = (await index.list({ cooperativeId: COOP }, 'newest', 10)).items;
    expect(after?.description).toBe('changed behind its back');
  });

  it('with content from the database, shows the page content as stored now, not as it was when the card was read', async () => {
    const p = product({ name: 'Gula Pasir 1 kg' });
    const { store, index } = await indexed([p], { content: 'database' });
    await index.list({ cooperativeId: COOP }, 'newest', 10);
    store.get(p.id)!.product.photos = [{ photoId: 'pho_x', width: 1, height: 1, variants: [] }];
    const [shown] = (await index.list({ cooperativeId: COOP }, 'newest', 10)).items;
    expect(shown?.photos.map((x) => x.photoId)).toEqual(['pho_x']);
  });

  it('re-reads what changed while the first load ran', async () => {
    const p = product({ price: 1_000 });
    const store = new MemoryProducts();
    await store.products.insert(p, [], []);
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const source: ListingSource = {
      cards: () => Promise.reject(new Error('not in memory mode')),
      products: async (c) => {
        const read = await store.listingSource.products(c); // read before the write below
        await gate;
        return read;
      },
      read: (ids) => store.listingSource.read(ids),
    };
    const index = new ListingIndex(source);
    const first = index.list({ cooperativeId: COOP, maxPrice: 5_000 }, 'newest', 10);
    await Promise.resolve();
    store.get(p.id)!.product.stock.available = 0;
    await index.refresh(COOP, [p.id]); // recorded, not read yet: the load is running
    release();
    await first;
    const page = await index.list({ cooperativeId: COOP, inStock: false }, 'newest', 10);
    expect(page.items.map((x) => x.id)).toEqual([p.id]);
  });

  it('keeps the card of the later-started read when an earlier read answers last', async () => {
    const p = product({ stock: 5 });
    const store = new MemoryProducts();
    await store.products.insert(p, [], []);
    const slow: { resolve?: () => void } = {};
    let reads = 0;
    const source: ListingSource = {
      cards: (c) => store.listingSource.cards(c),
      products: (c) => store.listingSource.products(c),
      read: async (ids) => {
        const result = await store.listingSource.read(ids); // the state when this read started
        if (++reads === 1) await new Promise<void>((r) => (slow.resolve = r));
        return result;
      },
    };
    const index = new ListingIndex(source);
    await index.categoryCounts(COOP); // loaded
    const early = index.refresh(COOP, [p.id]); // reads stock 5, answers late
    store.get(p.id)!.product.stock.available = 0;
    await index.refresh(COOP, [p.id]); // reads stock 0
    slow.resolve?.();
    await early;
    const page = await index.list({ cooperativeId: COOP, inStock: true }, 'newest', 10);
    expect(page.items).toEqual([]);
  });

  it('reloads a cooperative after refreshMs (products made by another process appear) and forgets idle ones', async () => {
    let now = 0;
    const a = product();
    const { store, index, loads } = await indexed([a], { refreshMs: 1_000, idleMs: 10_000, now: () => now });
    await index.list({ cooperativeId: COOP }, 'newest', 10);
    const b = product();
    await store.products.insert(b, [], []);
    now = 500;
    await index.sweep();
    expect((await index.list({ cooperativeId: COOP }, 'newest', 10)).items).toHaveLength(1);
    now = 1_500;
    await index.sweep();
    expect((await index.list({ cooperativeId: COOP }, 'newest', 10)).items.map((p) => p.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(loads()).toBe(2);
    now = 20_000;
    await index.sweep();
    expect(index.stats()).toEqual({ cooperatives: 0, cards: 0 });
  });
});

// ---- property: the index answers every query exactly as the store's list (the mongo query's model) ----

const NAMES = ['Beras', 'beras merah', 'Keripik Tempe', 'Kéripik Singkong', 'Apel', 'Gula', 'Minyak Goreng'];
const CATEGORIES: Category[] = ['makanan-ringan', 'sembako', 'lpg'] as Category[];
const STATUSES: ProductStatus[] = ['published', 'published', 'published', 'draft', 'archived'];

const arbProduct = fc.record({
  cooperativeId: fc.constantFrom(COOP, 'dinoyo'),
  sellerId: fc.constantFrom('mbr_sri', 'mbr_budi'),
  name: fc.constantFrom(...NAMES),
  category: fc.constantFrom(...CATEGORIES),
  price: fc.constantFrom(1_000, 5_000, 5_000, 12_000, 20_000),
  day: fc.integer({ min: 1, max: 4 }),
  status: fc.constantFrom(...STATUSES),
  sellerSuspended: fc.boolean(),
  stock: fc.constantFrom(0, 1, 10),
});
type Spec = typeof arbProduct extends fc.Arbitrary<infer T> ? T : never;

function fromSpec(s: Spec, id: string): Product {
  return product({
    id,
    cooperativeId: s.cooperativeId,
    sellerId: s.sellerId,
    name: s.name,
    category: s.category,
    price: s.price,
    createdAt: new Date(Date.UTC(2025, 0, s.day)),
    status: s.status,
    sellerSuspended: s.sellerSuspended && s.day % 2 === 0,
    stock: s.stock,
  });
}

const arbQuery = fc.record({
  sort: fc.constantFrom(...PRODUCT_SORTS),
  limit: fc.integer({ min: 1, max: 6 }),
  sellerId: fc.option(fc.constantFrom('mbr_sri', 'mbr_budi'), { nil: undefined }),
  category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
  minPrice: fc.option(fc.constantFrom(1_000, 5_000, 6_000), { nil: undefined }),
  maxPrice: fc.option(fc.constantFrom(5_000, 20_000), { nil: undefined }),
  inStock: fc.option(fc.boolean(), { nil: undefined }),
  q: fc.option(fc.constantFrom('beras', 'KERIPIK', 'tempe keripik', 'e', 'zzz', 'ras me'), {
    nil: undefined,
  }),
});

describe.each(['memory', 'database'] as const)(
  'ListingIndex (content from %s): the same pages as the store',
  (content) => {
    it('for any products, changes (each refreshed) and query, page by page', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(arbProduct, { minLength: 0, maxLength: 25 }),
          fc.array(fc.tuple(fc.nat(), arbProduct), { maxLength: 10 }),
          fc.array(arbQuery, { minLength: 1, maxLength: 4 }),
          async (specs, changes, queries) => {
            const ids = specs.map(() => nextId());
            const { store, index } = await indexed(
              specs.map((s, i) => fromSpec(s, ids[i]!)),
              { content },
            );
            const check = async () => {
              for (const { sort, limit, ...f } of queries) {
                const filters = { ...f, cooperativeId: COOP };
                const expected = await allPages(store.products.list, filters, sort, limit);
                expect(await allPages(index.list.bind(index), filters, sort, limit)).toEqual(expected);
                const [page] = (await index.list(filters, sort, limit)).items;
                if (page) expect(page).toEqual(store.get(page.id)!.product); // the content as stored
              }
            };
            await check();
            for (const [pick, spec] of changes) {
              if (ids.length === 0) break;
              const id = ids[pick % ids.length]!;
              const stored = store.get(id)!;
              // A change keeps the cooperative and creation time (neither ever changes).
              stored.product = fromSpec(
                { ...spec, cooperativeId: stored.product.cooperativeId as Spec['cooperativeId'] },
                id,
              );
              stored.product.createdAt = store.get(id)!.product.createdAt;
              await index.refresh(stored.product.cooperativeId, [id]);
            }
            await check();
          },
        ),
        { numRuns: 150 },
      );
    });
  },
);

describe('ListingIndex (content from the database): writes of other processes', () => {
  it('after changes it was not told of, shows only products that match now, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbProduct, { minLength: 1, maxLength: 25 }),
        fc.array(fc.tuple(fc.nat(), arbProduct), { minLength: 1, maxLength: 10 }),
        arbQuery,
        async (specs, changes, { sort, limit, ...f }) => {
          const ids = specs.map(() => nextId());
          const { store, index } = await indexed(
            specs.map((s, i) => fromSpec(s, ids[i]!)),
            { content: 'database' },
          );
          const filters = { ...f, cooperativeId: COOP };
          await index.list(filters, sort, limit);
          for (const [pick, spec] of changes) {
            const id = ids[pick % ids.length]!;
            const createdAt = store.get(id)!.product.createdAt;
            store.get(id)!.product = { ...fromSpec({ ...spec, cooperativeId: COOP }, id), createdAt };
          }
          const page = await index.list(filters, sort, limit);
          const reference = (await store.products.list(filters, sort, 1_000)).items.map((p) => p.id);
          const shown = page.items.map((p) => p.id);
          expect(shown.every((id) => reference.includes(id))).toBe(true);
          expect(shown).toEqual(reference.filter((id) => shown.includes(id)));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('cards', () => {
  it('hold what the list needs of a product', () => {
    const p = product({ name: 'Keripik  TEMPE', description: 'Pedas', price: 3_000, stock: 4 });
    expect(cardOf(p)).toEqual<ListingCard>({
      id: p.id,
      cooperativeId: COOP,
      sellerId: 'mbr_sri',
      category: 'makanan-ringan',
      price: 3_000,
      createdAt: p.createdAt.getTime(),
      sortName: 'keripik tempe',
      search: 'keripik tempe pedas',
      status: 'published',
      sellerSuspended: false,
      stockAvailable: 4,
    });
  });
});
