import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogTestEnv } from '../../test/mongo-env';
import type { Product } from '../domain/product';
import { listProducts } from '../use-cases/list-products';

/** List queries against the real FerretDB: search, filters, sorts and keyset pages. */
describe('product list queries', () => {
  let env: Awaited<ReturnType<typeof catalogTestEnv>>;
  const made: Record<string, Product> = {};

  beforeAll(async () => {
    env = await catalogTestEnv('catalog_list');
    const specs = [
      {
        key: 'tempe',
        name: 'Keripik Tempe Bu Sri 250 g',
        price: 15_000,
        category: 'makanan-ringan' as const,
      },
      {
        key: 'kopi',
        name: 'Kopi Tubruk Arabika',
        description: 'Kopi dari lereng Arjuno',
        price: 25_000,
        category: 'minuman' as const,
      },
      {
        key: 'cafe',
        name: 'Café Latte Sachet',
        description: 'Kopi susu instan',
        price: 2_000,
        category: 'minuman' as const,
      },
      { key: 'lpg', name: 'LPG 3 kg (isi ulang)', price: 18_000, category: 'lpg' as const, stock: 0 },
      { key: 'beras', name: 'Beras Premium 5 kg', price: 78_000, category: 'sembako' as const },
      { key: 'draft', name: 'Keripik Draft', price: 1_000, status: 'draft' as const },
      { key: 'other', name: 'Keripik Dinoyo', price: 9_000, cooperativeId: 'dinoyo' },
    ];
    for (const { key, ...spec } of specs) made[key] = await env.product(spec);
  });
  afterAll(() => env.drop());

  const names = async (input: Partial<Parameters<typeof listProducts>[1]> = {}) =>
    (
      await listProducts(env.deps, { cooperativeId: 'karangbesuki', sort: 'name', limit: 50, ...input })
    ).items.map((p) => p.name);

  it('lists only published products of the cooperative', async () => {
    expect(await names()).toEqual([
      'Beras Premium 5 kg',
      'Café Latte Sachet',
      'Keripik Tempe Bu Sri 250 g',
      'Kopi Tubruk Arabika',
      'LPG 3 kg (isi ulang)',
    ]);
  });

  it('finds partial words regardless of case', async () => {
    expect(await names({ q: 'keripik' })).toEqual(['Keripik Tempe Bu Sri 250 g']);
    expect(await names({ q: 'KRIP' })).toEqual([]);
    expect(await names({ q: 'RIPIK te' })).toEqual(['Keripik Tempe Bu Sri 250 g']);
  });

  it('ignores accents on both sides', async () => {
    expect(await names({ q: 'cafe' })).toEqual(['Café Latte Sachet']);
    expect(await names({ q: 'kópi' })).toEqual(['Café Latte Sachet', 'Kopi Tubruk Arabika']);
  });

  it('searches the description and treats regex characters literally', async () => {
    expect(await names({ q: 'arjuno' })).toEqual(['Kopi Tubruk Arabika']);
    expect(await names({ q: '(isi' })).toEqual(['LPG 3 kg (isi ulang)']);
    expect(await names({ q: '.*' })).toEqual([]);
  });

  it('filters by category, price range and stock', async () => {
    expect(await names({ category: 'minuman' })).toEqual(['Café Latte Sachet', 'Kopi Tubruk Arabika']);
    expect(await names({ minPrice: 15_000, maxPrice: 25_000 })).toEqual([
      'Keripik Tempe Bu Sri 250 g',
      'Kopi Tubruk Arabika',
      'LPG 3 kg (isi ulang)',
    ]);
    expect(await names({ inStock: false })).toEqual(['LPG 3 kg (isi ulang)']);
    expect(await names({ inStock: true })).not.toContain('LPG 3 kg (isi ulang)');
  });

  it('sorts by price both ways and by newest', async () => {
    expect(await names({ sort: 'price_asc' })).toEqual([
      'Café Latte Sachet',
      'Keripik Tempe Bu Sri 250 g',
      'LPG 3 kg (isi ulang)',
      'Kopi Tubruk Arabika',
      'Beras Premium 5 kg',
    ]);
    expect((await names({ sort: 'price_desc' }))[0]).toBe('Beras Premium 5 kg');
    expect((await names({ sort: 'newest' }))[0]).toBe('Beras Premium 5 kg');
  });

  it.each(['newest', 'price_asc', 'price_desc', 'name'] as const)(
    'walks every page of sort %s without gaps or repeats',
    async (sort) => {
      const all = await names({ sort });
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await listProducts(env.deps, { cooperativeId: 'karangbesuki', sort, limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((p) => p.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(all);
    },
  );

  it('counts published products per category', async () => {
    expect(await env.deps.products.categoryCounts('karangbesuki')).toEqual(
      expect.arrayContaining([
        { category: 'minuman', count: 2 },
        { category: 'makanan-ringan', count: 1 },
        { category: 'lpg', count: 1 },
        { category: 'sembako', count: 1 },
      ]),
    );
  });
});
