import { describe, expect, it } from 'vitest';
import { loader as directoryLoader } from '~/routes/_index/route';
import { action as languageAction } from '~/routes/bahasa/route';
import { loadMarket } from '~/routes/k.$slug/market.server';
import { loadHome } from '~/routes/k.$slug._index/home.server';
import { loadSearch } from '~/routes/k.$slug.cari/search.server';
import { loadCategory } from '~/routes/k.$slug.kategori.$category/category.server';
import { loader as rootLoader } from '~/root';
import { KERIPIK } from './fixtures';
import { args, cookieOf, get, post, run } from './route-helpers';
import { cartWith, installFakeServices } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';
const catalogCalls = () => services.current.calls.filter((c) => c.url.port === '4001');

describe('directory and market', () => {
  it('lists the cooperatives', async () => {
    const res = await run<{ cooperatives: unknown[] }>(() => directoryLoader());
    expect(res.data.cooperatives).toHaveLength(3);
  });

  it('shows "service unavailable" (503) when membership is down', async () => {
    services.current.down.add('membership');
    const res = await run(() => directoryLoader());
    expect(res.status).toBe(503);
  });

  it('is a 404 for an unknown cooperative, and for a malformed slug without a lookup', async () => {
    expect((await run(() => loadMarket(args(get('/k/nowhere'), { slug: 'nowhere' })))).status).toBe(404);
    const before = services.current.calls.length;
    expect((await run(() => loadMarket(args(get('/k/NOT_A_SLUG'), { slug: 'NOT_A_SLUG' })))).status).toBe(
      404,
    );
    expect(services.current.calls.length).toBe(before);
  });

  it('still opens the market when orders is down (the cart badge just says 0)', async () => {
    const cookie = await cartWith(KERIPIK.id, 2);
    const withCart = await run(() => loadMarket(args(get(`/k/${slug}`, cookie), { slug })));
    expect(withCart.data).toMatchObject({ cartCount: 2 });
    services.current.down.add('orders');
    const res = await run(() => loadMarket(args(get(`/k/${slug}`, cookie), { slug })));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ cooperative: { marketName: 'Karbes Market' }, cartCount: 0 });
  });

  it('shows categories with counts and the newest products on the market home', async () => {
    const res = await run<{ categories: unknown[]; newest: unknown[] }>(() =>
      loadHome(args(get(`/k/${slug}`), { slug })),
    );
    expect(res.data.categories).toEqual(expect.arrayContaining([{ category: 'lpg', count: 1 }]));
    expect(res.data.newest.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  const search = (query: string) =>
    run<Record<string, unknown>>(() => loadSearch(args(get(`/k/${slug}/cari?${query}`), { slug })));

  it('passes the filters to the catalog', async () => {
    const res = await search('q=keripik&minPrice=1000&inStock=true&sort=price_asc');
    expect(res.status).toBe(200);
    expect(res.data.page).toMatchObject({ items: [expect.objectContaining({ id: KERIPIK.id })] });
    const call = catalogCalls().find((c) => c.url.pathname.endsWith('/products'));
    expect(Object.fromEntries(call?.url.searchParams ?? [])).toEqual({
      q: 'keripik',
      minPrice: '1000',
      inStock: 'true',
      sort: 'price_asc',
      limit: '20',
    });
  });

  it('reports a bad price with 400 and searches without it', async () => {
    const res = await search('q=keripik&maxPrice=murah');
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ maxPrice: 'errors.price' });
    const call = catalogCalls().find((c) => c.url.pathname.endsWith('/products'));
    expect(call?.url.searchParams.has('maxPrice')).toBe(false);
  });

  it('offers to start over when the catalog refuses the cursor', async () => {
    const res = await search('cursor=bm90LWEtY3Vyc29y');
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ badCursor: true, page: { items: [], nextCursor: null } });
  });

  it('is a 404 for an unknown category page', async () => {
    const res = await run(() =>
      loadCategory(args(get(`/k/${slug}/kategori/senjata`), { slug, category: 'senjata' })),
    );
    expect(res.status).toBe(404);
    expect(res.data).toEqual({ reason: 'not-found', what: 'category' });
  });

  it('lists a category page', async () => {
    const res = await run<{ page: { items: { category: string }[] } }>(() =>
      loadCategory(args(get(`/k/${slug}/kategori/lpg`), { slug, category: 'lpg' })),
    );
    expect(res.data.page.items.map((p) => p.category)).toEqual(['lpg']);
  });
});

describe('language switch', () => {
  it('stores English in the cookie, returns to the page, and the root loader speaks it', async () => {
    const res = await run(() =>
      languageAction(args(post('/bahasa', { lang: 'en', redirectTo: '/k/karangbesuki' }), {})),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/k/karangbesuki');
    const root = await run(() => rootLoader(args(get('/', cookieOf(res.headers)), {})));
    expect(root.data).toEqual({ lang: 'en', account: null, sessionExpired: false });
  });

  it('defaults to Bahasa Indonesia', async () => {
    expect((await run(() => rootLoader(args(get('/'), {})))).data).toMatchObject({
      lang: 'id',
      account: null,
    });
  });
});
