import { beforeEach, describe, expect, it } from 'vitest';
import { json, type TestPerson } from '../../test/builders';
import { fieldsOf, peopleClient } from '../../test/http';
import { memoryCatalogEnv } from '../../test/memory-env';

/** Listing moderation: a penjual's new listing and large price changes wait for a pengurus. */
describe('listing moderation routes', () => {
  let env: Awaited<ReturnType<typeof memoryCatalogEnv>>;
  let http: Awaited<ReturnType<typeof peopleClient>>;
  beforeEach(async () => {
    env = await memoryCatalogEnv();
    http = await peopleClient(env.app);
  });

  const queue = async (who: TestPerson = 'ketua') =>
    (await json(await http.get('/cooperatives/karangbesuki/reviews', who))).items;
  const approve = (id: string, who: TestPerson | null = 'ketua') =>
    http.call('POST', `/products/${id}/review/approve`, undefined, who);
  const reject = (id: string, body: unknown, who: TestPerson | null = 'ketua') =>
    http.call('POST', `/products/${id}/review/reject`, body, who);
  const ownView = async (id: string, who: TestPerson = 'sri') =>
    (
      (await json(await http.get('/cooperatives/karangbesuki/products/all', who))).items as { id: string }[]
    ).find((p) => p.id === id);
  const audits = async (id: string) =>
    (await env.outboxOf(id)).filter((e) => e.type === 'pasar.audit.entry.recorded').map((e) => e.data);

  describe("a penjual's new listing", () => {
    it('waits unpublished in the queue with its diff; approval publishes it, audited', async () => {
      const p = await http.created({ name: 'Keripik Baru' }, 'sri');
      expect(p).toMatchObject({ status: 'draft', review: { state: 'pending', kind: 'listing' } });
      expect((await http.get(`/products/${p.id}`)).status).toBe(404);
      const [item] = await queue();
      expect(item).toMatchObject({ product: { id: p.id, name: 'Keripik Baru' }, kind: 'listing' });
      expect(item.diff).toContainEqual({ field: 'price', before: null, after: 10_000 });
      expect(await queue('pengawas')).toHaveLength(1);

      const res = await approve(p.id);
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({
        status: 'published',
        listingApproved: true,
        review: { state: 'approved' },
      });
      expect((await http.get(`/products/${p.id}`)).status).toBe(200);
      expect(await queue()).toEqual([]);
      expect((await audits(p.id)).at(-1)).toMatchObject({
        actorId: 'prs_ketua',
        action: 'catalog.product.review-approved',
        before: { status: 'draft' },
        after: { status: 'published', review: 'approved', kind: 'listing' },
      });
      expect((await env.outboxOf(p.id)).map((e) => e.type)).toContain('pasar.catalog.product.published');
    });

    it('rejected: stays a draft, and the seller sees the reason on their own listing', async () => {
      const p = await http.created({}, 'sri');
      const res = await reject(p.id, { reason: 'Foto produk belum ada' });
      expect(res.status).toBe(200);
      expect(await ownView(p.id)).toMatchObject({
        status: 'draft',
        review: { state: 'rejected', reason: 'Foto produk belum ada', decidedAt: expect.any(String) },
      });
      expect((await audits(p.id)).at(-1)).toMatchObject({ action: 'catalog.product.review-rejected' });
      // Asking again opens a new review.
      const again = await http.call('PATCH', `/products/${p.id}`, { status: 'published' }, 'sri');
      expect(await json(again)).toMatchObject({ status: 'draft', review: { state: 'pending' } });
    });

    it('a staff listing is not moderated', async () => {
      expect(await http.created({}, 'gudang')).toMatchObject({ status: 'published', review: null });
      expect(await queue()).toEqual([]);
    });
  });

  describe("a penjual's price change", () => {
    const approvedListing = async () => {
      const p = await http.created({ price: 10_000 }, 'sri');
      await approve(p.id);
      return p.id as string;
    };
    const publicPrice = async (id: string) => (await json(await http.get(`/products/${id}`))).price;

    it('above the threshold waits: the old price stays live until approved', async () => {
      const id = await approvedListing();
      const res = await http.call('PATCH', `/products/${id}`, { price: 15_000 }, 'sri');
      expect(await json(res)).toMatchObject({
        price: 10_000,
        review: { state: 'pending', kind: 'price', pendingPrice: 15_000 },
      });
      expect(await publicPrice(id)).toBe(10_000);
      expect((await queue())[0]).toMatchObject({
        kind: 'price',
        diff: [{ field: 'price', before: 10_000, after: 15_000 }],
      });
      await approve(id);
      expect(await publicPrice(id)).toBe(15_000);
    });

    it('rejected: the old price stays', async () => {
      const id = await approvedListing();
      await http.call('PATCH', `/products/${id}`, { price: 5_000 }, 'sri');
      await reject(id, { reason: 'Harga terlalu rendah, cek lagi' });
      expect(await publicPrice(id)).toBe(10_000);
      expect(await ownView(id)).toMatchObject({ review: { state: 'rejected', kind: 'price' } });
    });

    it('within the threshold applies at once; the cooperative can raise the threshold', async () => {
      const id = await approvedListing();
      await http.call('PATCH', `/products/${id}`, { price: 11_500 }, 'sri');
      expect(await publicPrice(id)).toBe(11_500);
      await http.call('PUT', '/cooperatives/karangbesuki/listing-settings', {
        priceReviewThresholdPercent: 50,
      });
      await http.call('PATCH', `/products/${id}`, { price: 17_000 }, 'sri');
      expect(await publicPrice(id)).toBe(17_000);
    });

    it('staff change prices without review', async () => {
      const id = await approvedListing();
      await http.call('PATCH', `/products/${id}`, { price: 30_000 }, 'gudang');
      expect(await publicPrice(id)).toBe(30_000);
    });
  });

  describe('who may decide', () => {
    it.each([
      ['gudang', 403],
      ['pengawas', 403],
      ['sri', 403],
      ['dinoyoKetua', 404],
    ] as const)('%s gets %i and nothing changes', async (who, status) => {
      const p = await http.created({}, 'sri');
      expect((await approve(p.id, who)).status).toBe(status);
      expect((await reject(p.id, { reason: 'Tidak boleh' }, who)).status).toBe(status);
      expect(await ownView(p.id)).toMatchObject({ review: { state: 'pending' } });
    });

    it('anonymous 401; the queue is 403 for gudang and penjual, 404 for another cooperative', async () => {
      const p = await http.created({}, 'sri');
      expect((await approve(p.id, null)).status).toBe(401);
      expect((await http.get('/cooperatives/karangbesuki/reviews', 'gudang')).status).toBe(403);
      expect((await http.get('/cooperatives/karangbesuki/reviews', 'sri')).status).toBe(403);
      expect((await http.get('/cooperatives/karangbesuki/reviews', 'dinoyoKetua')).status).toBe(404);
    });

    it('answers a decision on nothing pending with 409 REVIEW.NOT_PENDING, an unknown product with 404', async () => {
      const p = await http.created({}, 'gudang');
      const res = await approve(p.id);
      expect(res.status).toBe(409);
      expect((await json(res)).code).toBe('REVIEW.NOT_PENDING');
      expect((await approve('ffffffffffffffffffffffff')).status).toBe(404);
    });

    it.each([
      ['no reason', {}, 'reason'],
      ['a blank reason', { reason: '     ' }, 'reason'],
      ['a reason over 500 characters', { reason: 'x'.repeat(501) }, 'reason'],
      ['an extra field', { reason: 'Tidak sesuai', approve: true }, '(body)'],
    ])('refuses a rejection with %s: 400 naming %s', async (_what, body, field) => {
      const p = await http.created({}, 'sri');
      const res = await reject(p.id, body);
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toContain(field);
    });
  });

  describe('listing settings', () => {
    const settings = '/cooperatives/karangbesuki/listing-settings';
    it('defaults to 20 %; a pengurus sets it, audited', async () => {
      expect(await json(await http.get(settings, 'sri'))).toEqual({
        cooperativeId: 'karangbesuki',
        priceReviewThresholdPercent: 20,
        updatedAt: null,
      });
      const res = await http.call('PUT', settings, { priceReviewThresholdPercent: 35 });
      expect(res.status).toBe(200);
      expect(await json(await http.get(settings, 'gudang'))).toMatchObject({
        priceReviewThresholdPercent: 35,
      });
      expect(env.settingsOutboxOf('karangbesuki').map((e) => e.data)).toEqual([
        expect.objectContaining({
          actorId: 'prs_ketua',
          action: 'catalog.listing-settings.updated',
          target: { type: 'listing-settings', id: 'karangbesuki' },
          before: { priceReviewThresholdPercent: 20 },
          after: { priceReviewThresholdPercent: 35 },
        }),
      ]);
    });

    it.each([
      ['gudang', 403],
      ['sri', 403],
      ['anggota', 403],
      ['dinoyoKetua', 404],
      [null, 401],
    ] as const)('PUT as %s: %i', async (who, status) => {
      expect((await http.call('PUT', settings, { priceReviewThresholdPercent: 5 }, who)).status).toBe(status);
    });

    it.each([
      ['a negative threshold', { priceReviewThresholdPercent: -1 }],
      ['a fraction', { priceReviewThresholdPercent: 2.5 }],
      ['text', { priceReviewThresholdPercent: '20' }],
      ['nothing', {}],
    ])('refuses %s: 400 naming priceReviewThresholdPercent', async (_what, body) => {
      const res = await http.call('PUT', settings, body);
      expect(res.status).toBe(400);
      expect(await fieldsOf(res)).toEqual(['priceReviewThresholdPercent']);
    });

    it('GET for another cooperative is 404, for anggota 403', async () => {
      expect((await http.get(settings, 'dinoyoKetua')).status).toBe(404);
      expect((await http.get(settings, 'anggota')).status).toBe(403);
    });
  });
});
