import { describe, expect, it } from 'vitest';
import { loader as shellLoader } from '~/routes/jual.$slug/route';
import { loader as listingsLoader } from '~/routes/jual.$slug._index/route';
import { action as listingRoute, loader as listingLoader } from '~/routes/jual.$slug.barang.$productId/route';
import { action as newListingRoute } from '~/routes/jual.$slug.barang.baru/route';
import { action as applyRoute, loader as applyLoader } from '~/routes/jual.$slug.daftar/route';
import { loader as salesLoader } from '~/routes/jual.$slug.penjualan/route';
import { loader as balanceLoader } from '~/routes/jual.$slug.saldo/route';
import { loader as statementFile } from '~/routes/jual.$slug.saldo_.unduh/route';
import { action as staffSellersRoute } from '~/routes/kelola.$slug.penjual/route';
import { jakartaToday } from '~/utils/datetime';
import { ANGGOTA, ANI, DINOYO_PENJUAL, KETUA, SHOPPER, SRI } from './fixtures';
import { args, get, jpeg, multipart, post, run } from './route-helpers';
import { installFakeServices, signInAs, withSellers } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';
const base = `/jual/${slug}`;

const seller = () => services.current.sellers;
const setUp = () => withSellers(services.current);

const open = <T = Record<string, unknown>>(
  loader: (a: ReturnType<typeof args>) => unknown,
  path: string,
  cookie: string,
  params: Record<string, string> = {},
) => run<T>(() => loader(args(get(path, cookie), { slug, ...params })));

describe('becoming a seller', () => {
  it('sends a plain member from the seller pages to the application form', async () => {
    setUp();
    const cookie = await signInAs(ANGGOTA);
    const res = await open(listingsLoader, base, cookie);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`${base}/daftar`);
    const shell = await open<{ isSeller: boolean }>(shellLoader, base, cookie);
    expect(shell.data.isSeller).toBe(false);
  });

  it('answers 404 to someone who is not a member of that cooperative, and /masuk to nobody', async () => {
    setUp();
    expect((await open(applyLoader, `${base}/daftar`, await signInAs(SHOPPER))).status).toBe(404);
    expect((await open(applyLoader, `${base}/daftar`, await signInAs(DINOYO_PENJUAL))).status).toBe(404);
    const anonymous = await open(applyLoader, `${base}/daftar`, '');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toMatch(/^\/masuk\?redirectTo=/);
  });

  it('names the missing shop name and sends nothing to membership', async () => {
    setUp();
    const cookie = await signInAs(ANGGOTA);
    const applied = () =>
      services.current.calls.filter((c) => c.url.pathname.endsWith('/seller-applications'));
    const res = await run<{ errors: Record<string, string> }>(() =>
      applyRoute(
        args(post(`${base}/daftar`, { shopName: ' ', description: 'Kue', handoff: 'drop_off' }, cookie), {
          slug,
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.shopName).toBe('errors.required');
    expect(applied()).toEqual([]);
  });

  it('applies, shows the application waiting, then the decline and its reason', async () => {
    setUp();
    const cookie = await signInAs(ANGGOTA);
    const applied = await run(() =>
      applyRoute(
        args(
          post(
            `${base}/daftar`,
            { shopName: 'Kue Bu Siti', description: 'Kue basah', handoff: 'outlet_pickup' },
            cookie,
          ),
          { slug },
        ),
      ),
    );
    expect(applied.status).toBe(302);
    const sent = services.current.calls.find(
      (c) => c.url.pathname.endsWith('/seller-applications') && c.method === 'POST',
    );
    expect(sent?.body).toEqual({
      shopName: 'Kue Bu Siti',
      description: 'Kue basah',
      handoff: 'outlet_pickup',
    });
    const waiting = await open<{ applications: { status: string }[]; canApply: boolean; notice: unknown }>(
      applyLoader,
      `${base}/daftar`,
      applied.headers.get('Set-Cookie')?.split(';')[0]
        ? `${cookie}; ${applied.headers.get('Set-Cookie')?.split(';')[0]}`
        : cookie,
    );
    expect(waiting.data.applications.map((a) => a.status)).toEqual(['pending']);
    expect(waiting.data.canApply).toBe(false);
    expect(waiting.data.notice).toEqual({ key: 'sell.apply.sent' });

    const [application] = [...seller().applications.values()];
    const ketua = await signInAs(KETUA);
    const declined = await run(() =>
      staffSellersRoute(
        args(
          post(
            `/kelola/${slug}/penjual`,
            {
              intent: 'decline',
              applicationId: application?.applicationId ?? '',
              reason: 'Belum ada izin PIRT',
            },
            ketua,
          ),
          { slug },
        ),
      ),
    );
    expect(declined.status).toBe(302);
    const after = await open<{
      applications: { status: string; declineReason: string | null }[];
      canApply: boolean;
    }>(applyLoader, `${base}/daftar`, cookie);
    expect(after.data.applications).toMatchObject([
      { status: 'declined', declineReason: 'Belum ada izin PIRT' },
    ]);
    expect(after.data.canApply).toBe(true);
  });
});

describe("a seller's listings", () => {
  async function listWithPhoto(cookie: string, fields: Record<string, string> = {}) {
    return run(() =>
      newListingRoute(
        args(
          multipart(
            `${base}/barang/baru`,
            {
              name: 'Keripik Singkong Balado',
              description: 'Pedas manis',
              category: 'makanan-ringan',
              unit: 'pack',
              price: '12.500',
              maxPerOrder: '',
              stock: '20',
              ...fields,
            },
            { photo: jpeg() },
            cookie,
          ),
          { slug },
        ),
      ),
    );
  }

  it('lists a product with a camera photo: created for review, photo uploaded as multipart and attached', async () => {
    setUp();
    const cookie = await signInAs(SRI);
    const res = await listWithPhoto(cookie);
    expect(res.status).toBe(302);
    const productId = (res.headers.get('Location') ?? '').split('/').pop() ?? '';
    expect(res.headers.get('Location')).toBe(`${base}/barang/${productId}`);
    const created = services.current.calls.find(
      (c) => c.method === 'POST' && c.url.pathname === `/cooperatives/${slug}/products`,
    );
    expect(created?.body).toMatchObject({
      name: 'Keripik Singkong Balado',
      price: 12_500,
      stock: 20,
      maxPerOrder: null,
    });
    expect((created?.body as { sku?: string } | undefined)?.sku).toMatch(/^JUAL-[0-9A-F]{10}$/);
    const upload = services.current.calls.find((c) => c.url.pathname === `/cooperatives/${slug}/photos`);
    expect(upload?.headers.get('Authorization')).toMatch(/^Bearer at\.catalog\.per_kb_sri\./);
    const put = services.current.calls.find(
      (c) => c.method === 'PUT' && c.url.pathname === `/products/${productId}/photos`,
    );
    expect(put?.body).toEqual({ photoIds: [expect.stringMatching(/^pho_/)] });

    const page = await open<{ listing: { review: { state: string }; photos: unknown[] } }>(
      listingLoader,
      `${base}/barang/${productId}`,
      cookie,
      { productId },
    );
    expect(page.status).toBe(200);
    expect(page.data.listing.review.state).toBe('pending');
    expect(page.data.listing.photos).toHaveLength(1);
    // Waiting for review: not on the storefront.
    expect(services.current.products.has(productId)).toBe(false);
    const list = await open<{ listings: { id: string; review: { state: string } }[] }>(
      listingsLoader,
      base,
      cookie,
    );
    expect(list.data.listings.map((l) => [l.id, l.review.state])).toEqual([[productId, 'pending']]);
  });

  it('refuses a file that is not an image before sending anything to catalog', async () => {
    setUp();
    const cookie = await signInAs(SRI);
    const l = seller().addListing('per_kb_sri');
    const res = await run<{ errors: Record<string, string> }>(() =>
      listingRoute(
        args(
          multipart(
            `${base}/barang/${l.product.id}`,
            { intent: 'photo' },
            { photo: jpeg('nota.pdf', 'application/pdf') },
            cookie,
          ),
          { slug, productId: l.product.id },
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors.photo).toBe('errors.photoType');
    expect(
      services.current.calls.some((c) => c.url.pathname.endsWith('/photos') && c.method === 'POST'),
    ).toBe(false);
  });

  it("answers 404 when a seller opens or changes another seller's listing", async () => {
    setUp();
    const l = seller().addListing('per_kb_sri');
    const ani = await signInAs(ANI);
    const page = await open(listingLoader, `${base}/barang/${l.product.id}`, ani, {
      productId: l.product.id,
    });
    expect(page.status).toBe(404);
    expect(page.data).toMatchObject({ reason: 'not-found' });
    const stock = await run(() =>
      listingRoute(
        args(
          post(
            `${base}/barang/${l.product.id}`,
            { intent: 'stock', direction: 'in', quantity: '5', reason: 'received', note: '' },
            ani,
          ),
          { slug, productId: l.product.id },
        ),
      ),
    );
    expect(stock.status).toBe(404);
    expect(l.product.stock.available).toBe(10);
    // A malformed id is not even looked up.
    expect((await open(listingLoader, `${base}/barang/xyz`, ani, { productId: 'xyz' })).status).toBe(404);
  });

  it('changes stock with a reason, refuses received-as-out, and shows it in the history', async () => {
    setUp();
    const cookie = await signInAs(SRI);
    const l = seller().addListing('per_kb_sri');
    const change = (fields: Record<string, string>) =>
      run<{ errors: Record<string, string> }>(() =>
        listingRoute(
          args(post(`${base}/barang/${l.product.id}`, { intent: 'stock', note: '', ...fields }, cookie), {
            slug,
            productId: l.product.id,
          }),
        ),
      );
    const wrong = await change({ direction: 'out', quantity: '2', reason: 'received' });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors.direction).toBe('errors.receivedIsIn');
    expect(
      (await change({ direction: 'out', quantity: '3', reason: 'damaged', note: 'Kemasan sobek' })).status,
    ).toBe(302);
    const sent = services.current.calls.find((c) => c.url.pathname.endsWith('/stock-adjustments'));
    expect(sent?.body).toEqual({ quantity: -3, reason: 'damaged', note: 'Kemasan sobek' });
    const tooMany = await change({ direction: 'out', quantity: '50', reason: 'correction' });
    expect(tooMany.status).toBe(409);
    expect(tooMany.data.errors.quantity).toBe('errors.stockBelowZero');
    const page = await open<{ history: { kind: string; reason?: string; by: { personId: string } }[] }>(
      listingLoader,
      `${base}/barang/${l.product.id}`,
      cookie,
      { productId: l.product.id },
    );
    expect(page.data.history[0]).toMatchObject({
      kind: 'stock_adjusted',
      reason: 'damaged',
      by: { personId: SRI.personId },
    });
  });

  it('a big price change waits for review with the proposed price; archiving takes it off the market', async () => {
    setUp();
    const cookie = await signInAs(SRI);
    const l = seller().addListing('per_kb_sri', { price: 10_000 });
    const edit = await run(() =>
      listingRoute(
        args(
          post(
            `${base}/barang/${l.product.id}`,
            { intent: 'edit', name: l.product.name, description: '', price: '15000', maxPerOrder: '3' },
            cookie,
          ),
          { slug, productId: l.product.id },
        ),
      ),
    );
    expect(edit.status).toBe(302);
    const page = await open<{
      listing: {
        price: number;
        maxPerOrder: number;
        review: { state: string; kind: string; pendingPrice: number };
      };
    }>(listingLoader, `${base}/barang/${l.product.id}`, cookie, { productId: l.product.id });
    expect(page.data.listing).toMatchObject({
      price: 10_000,
      maxPerOrder: 3,
      review: { state: 'pending', kind: 'price', pendingPrice: 15_000 },
    });
    const archived = await run(() =>
      listingRoute(
        args(post(`${base}/barang/${l.product.id}`, { intent: 'archive' }, cookie), {
          slug,
          productId: l.product.id,
        }),
      ),
    );
    expect(archived.status).toBe(302);
    expect(archived.headers.get('Location')).toBe(base);
    expect(services.current.products.has(l.product.id)).toBe(false);
  });

  it('refuses a form posted from another site (CSRF) before reading it', async () => {
    setUp();
    const cookie = await signInAs(SRI);
    const res = await run(() =>
      newListingRoute(
        args(
          multipart(`${base}/barang/baru`, { name: 'x' }, { photo: jpeg() }, cookie, {
            Origin: 'https://evil.example',
          }),
          { slug },
        ),
      ),
    );
    expect(res.status).toBe(403);
    expect(services.current.calls.some((c) => c.method === 'POST' && c.url.port === '4001')).toBe(false);
  });
});

describe("a seller's sales and balance", () => {
  const month = jakartaToday().slice(0, 7);

  function withMoney() {
    setUp();
    seller().addListing('per_kb_sri');
    seller().balances.set('mbr_kb_sri', {
      sellerId: 'mbr_kb_sri',
      shopName: 'Keripik Bu Sri',
      status: 'active',
      balance: 27_000,
      availableForPayout: 27_000,
      pending: 0,
      lastPayoutAt: null,
    });
    seller().statements.set('mbr_kb_sri', [
      {
        date: `${month}-02`,
        at: `${month}-02T03:00:00.000Z`,
        kind: 'sale',
        notaNumber: 'KB-0007',
        product: 'Rengginang',
        quantity: 2,
        receiptNumber: null,
        amount: 30_000,
        balance: 30_000,
      },
      {
        date: `${month}-02`,
        at: `${month}-02T03:00:00.000Z`,
        kind: 'commission',
        notaNumber: 'KB-0007',
        product: 'Rengginang',
        quantity: null,
        receiptNumber: null,
        amount: -3_000,
        balance: 27_000,
      },
    ]);
    seller().sales.set('mbr_kb_sri', [
      {
        productId: 'p1',
        name: 'Rengginang',
        day: jakartaToday(),
        quantity: 2,
        amount: 30_000,
        nota: 'KB-0007',
      },
    ]);
  }

  it('shows the balance and the month’s statement; a malformed month is the form’s 400', async () => {
    withMoney();
    const cookie = await signInAs(SRI);
    const res = await open<{ balance: { balance: number }; statement: { lines: unknown[] } }>(
      balanceLoader,
      `${base}/saldo`,
      cookie,
    );
    expect(res.status).toBe(200);
    expect(res.data.balance.balance).toBe(27_000);
    expect(res.data.statement.lines).toHaveLength(2);
    const asked = services.current.calls.find((c) => c.url.pathname.endsWith('/statement'));
    expect(asked?.url.pathname).toBe(`/cooperatives/${slug}/sellers/mbr_kb_sri/statement`);
    expect(asked?.url.searchParams.get('month')).toBe(month);
    const bad = await open<{ monthError: string; statement: unknown }>(
      balanceLoader,
      `${base}/saldo?month=2026-13`,
      cookie,
    );
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ monthError: 'errors.month', statement: null });
  });

  it('downloads the statement CSV through the BFF as an attachment, never cached', async () => {
    withMoney();
    const cookie = await signInAs(SRI);
    const res = await run<string>(() =>
      statementFile(args(get(`${base}/saldo/unduh?month=${month}&format=csv`, cookie), { slug })),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment/);
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(res.data).toContain(`${month}-02,sale,30000`);
    const wrong = await run(() =>
      statementFile(args(get(`${base}/saldo/unduh?month=${month}&format=exe`, cookie), { slug })),
    );
    expect(wrong.status).toBe(404);
  });

  it('shows sales per product and day with the nota numbers; another seller sees only theirs', async () => {
    withMoney();
    const res = await open<{ report: { products: { notaNumbers: string[] }[] } }>(
      salesLoader,
      `${base}/penjualan`,
      await signInAs(SRI),
    );
    expect(res.status).toBe(200);
    expect(res.data.report.products).toMatchObject([
      { name: 'Rengginang', quantity: 2, notaNumbers: ['KB-0007'] },
    ]);
    seller().addListing('per_kb_ani', { name: 'Sambal Bawang' });
    const ani = await open<{ report: { products: unknown[] } }>(
      salesLoader,
      `${base}/penjualan`,
      await signInAs(ANI),
    );
    expect(ani.data.report.products).toEqual([]);
    const asked = services.current.calls.filter((c) => c.url.pathname.endsWith('/sales')).at(-1);
    expect(asked?.url.pathname).toBe(`/cooperatives/${slug}/sellers/mbr_kb_ani/sales`);
  });
});

describe('after the approval', () => {
  it('fetches fresh tokens once, so the new penjual role opens the seller pages without signing in again', async () => {
    setUp();
    const cookie = await signInAs(ANGGOTA);
    await run(() =>
      applyRoute(
        args(
          post(`${base}/daftar`, { shopName: 'Kue Bu Siti', description: '', handoff: 'drop_off' }, cookie),
          { slug },
        ),
      ),
    );
    const [application] = [...seller().applications.values()];
    await run(() =>
      staffSellersRoute(
        args(
          post(
            `/kelola/${slug}/penjual`,
            { intent: 'approve', applicationId: application?.applicationId ?? '' },
            `${cookie}`,
          ),
          {
            slug,
          },
        ),
      ),
    );
    // The approval above was refused (a member is no pengurus); the pengurus approves.
    expect(application?.status).toBe('pending');
    const ketua = await signInAs(KETUA);
    await run(() =>
      staffSellersRoute(
        args(
          post(
            `/kelola/${slug}/penjual`,
            { intent: 'approve', applicationId: application?.applicationId ?? '' },
            ketua,
          ),
          {
            slug,
          },
        ),
      ),
    );
    expect(application?.status).toBe('approved');
    // The member's cached token still says anggota only: the page asks for fresh ones and comes back.
    const first = await open(applyLoader, `${base}/daftar`, cookie);
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe(`${base}/daftar?segar=1`);
    const again = await open<{ isSeller: boolean }>(applyLoader, `${base}/daftar?segar=1`, cookie);
    expect(again.data.isSeller).toBe(true);
    expect((await open(listingsLoader, base, cookie)).status).toBe(200);
  });
});
