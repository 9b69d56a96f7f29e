import { describe, expect, it } from 'vitest';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import {
  action as consignmentRoute,
  loader as consignmentLoader,
} from '~/routes/kelola.$slug.konsinyasi/route';
import { loader as staffStatementFile } from '~/routes/kelola.$slug.konsinyasi_.unduh/route';
import { action as moderationRoute, loader as moderationLoader } from '~/routes/kelola.$slug.moderasi/route';
import { action as sellersRoute, loader as sellersLoader } from '~/routes/kelola.$slug.penjual/route';
import { jakartaToday } from '~/utils/datetime';
import { ANGGOTA, BENDAHARA, DINOYO_KETUA, KASIR, KETUA, PENGAWAS, SRI } from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { installFakeServices, signInAs, withSellers } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';
const fake = () => services.current.sellers;

const load = <T = Record<string, unknown>>(
  loader: (a: ReturnType<typeof args>) => unknown,
  path: string,
  cookie: string,
) => run<T>(() => loader(args(get(path, cookie), { slug })));
const act = <T = { errors: Record<string, string>; target: string }>(
  action: (a: ReturnType<typeof args>) => unknown,
  path: string,
  fields: Record<string, string>,
  cookie: string,
) => run<T>(() => action(args(post(path, fields, cookie), { slug })));

describe('issue 10 in the staff menu', () => {
  it('shows penjual, moderasi and konsinyasi to the pengurus and the pengawas, not to the kasir', async () => {
    withSellers(services.current);
    const sections = async (cookie: string) =>
      (await load<{ sections: string[] }>(shellLoader, `/kelola/${slug}`, cookie)).data.sections;
    expect(await sections(await signInAs(KETUA))).toEqual(
      expect.arrayContaining(['moderasi', 'konsinyasi', 'penjual']),
    );
    expect(await sections(await signInAs(PENGAWAS))).toEqual(
      expect.arrayContaining(['moderasi', 'konsinyasi', 'penjual']),
    );
    const kasir = await signInAs(KASIR);
    expect(await sections(kasir)).not.toContain('penjual');
    expect((await load(sellersLoader, `/kelola/${slug}/penjual`, kasir)).status).toBe(404);
    expect((await load(moderationLoader, `/kelola/${slug}/moderasi`, kasir)).status).toBe(404);
    expect((await load(consignmentLoader, `/kelola/${slug}/konsinyasi`, kasir)).status).toBe(404);
    expect((await load(sellersLoader, `/kelola/${slug}/penjual`, await signInAs(DINOYO_KETUA))).status).toBe(
      404,
    );
  });
});

describe('penjual: applications and the registry', () => {
  const page = `/kelola/${slug}/penjual`;

  it('approves an application: the member becomes a seller with the penjual role', async () => {
    withSellers(services.current);
    const member = await signInAs(ANGGOTA);
    const { action: apply } = await import('~/routes/jual.$slug.daftar/route');
    await run(() =>
      apply(
        args(
          post(
            `/jual/${slug}/daftar`,
            { shopName: 'Kue Bu Siti', description: 'Kue basah', handoff: 'drop_off' },
            member,
          ),
          { slug },
        ),
      ),
    );
    const ketua = await signInAs(KETUA);
    const queue = await load<{
      applications: { applicationId: string; shopName: string }[];
      canDecide: boolean;
    }>(sellersLoader, page, ketua);
    expect(queue.data.canDecide).toBe(true);
    expect(queue.data.applications.map((a) => a.shopName)).toEqual(['Kue Bu Siti']);
    const applicationId = queue.data.applications[0]?.applicationId ?? '';
    const res = await act(
      sellersRoute,
      page,
      { intent: 'approve', applicationId, shopName: 'Kue Bu Siti' },
      ketua,
    );
    expect(res.status).toBe(302);
    const after = await load<{
      applications: unknown[];
      sellers: { sellerId: string; status: string }[];
      notice: unknown;
    }>(sellersLoader, page, cookiesOf(res.headers, ketua));
    expect(after.data.applications).toEqual([]);
    expect(after.data.sellers).toContainEqual(
      expect.objectContaining({ sellerId: 'mbr_kb_siti', status: 'active' }),
    );
    expect(after.data.notice).toEqual({ key: 'staff.sellers.approved', vars: { shop: 'Kue Bu Siti' } });
    expect(services.current.people.get(ANGGOTA.personId)?.grants[0]?.roles).toContain('penjual');
  });

  it('suspends with a reason (too short is named), the goods leave the storefront, and come back', async () => {
    withSellers(services.current);
    const l = fake().addListing(SRI.personId);
    const ketua = await signInAs(KETUA);
    const short = await act(
      sellersRoute,
      page,
      { intent: 'suspend', sellerId: 'mbr_kb_sri', reason: 'x' },
      ketua,
    );
    expect(short.status).toBe(400);
    expect(short.data).toMatchObject({ target: 'mbr_kb_sri', errors: { reason: 'errors.reasonShort' } });
    expect(services.current.products.has(l.product.id)).toBe(true);
    const suspended = await act(
      sellersRoute,
      page,
      { intent: 'suspend', sellerId: 'mbr_kb_sri', reason: 'Barang kedaluwarsa' },
      ketua,
    );
    expect(suspended.status).toBe(302);
    expect(services.current.products.has(l.product.id)).toBe(false);
    expect(fake().sellers.get('mbr_kb_sri')).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Barang kedaluwarsa',
    });
    expect(
      (await act(sellersRoute, page, { intent: 'reinstate', sellerId: 'mbr_kb_sri' }, ketua)).status,
    ).toBe(302);
    expect(services.current.products.has(l.product.id)).toBe(true);
  });

  it('lets the pengawas read the queue but not decide', async () => {
    withSellers(services.current);
    const pengawas = await signInAs(PENGAWAS);
    const read = await load<{ canDecide: boolean; sellers: unknown[] }>(sellersLoader, page, pengawas);
    expect(read.status).toBe(200);
    expect(read.data.canDecide).toBe(false);
    expect(read.data.sellers).toHaveLength(2);
    const res = await act(sellersRoute, page, { intent: 'reinstate', sellerId: 'mbr_kb_sri' }, pengawas);
    expect(res.status).toBe(403);
    expect(services.current.calls.some((c) => c.url.pathname.endsWith('/reinstate'))).toBe(false);
  });
});

describe('moderasi: the review queue and the threshold', () => {
  const page = `/kelola/${slug}/moderasi`;

  it('shows a new listing with its diff; approving puts it on the storefront', async () => {
    withSellers(services.current);
    const l = fake().addListing(SRI.personId, { name: 'Kripik Pisang' }, false);
    expect(services.current.products.has(l.product.id)).toBe(false);
    const ketua = await signInAs(KETUA);
    const queue = await load<{
      reviews: { productId: string; kind: string; shopName: string; diff: { field: string }[] }[];
      threshold: number;
    }>(moderationLoader, page, ketua);
    expect(queue.data.threshold).toBe(20);
    expect(queue.data.reviews).toMatchObject([
      { productId: l.product.id, kind: 'listing', shopName: 'Keripik Bu Sri' },
    ]);
    expect(queue.data.reviews[0]?.diff.map((d) => d.field)).toEqual(['name', 'price']);
    const res = await act(
      moderationRoute,
      page,
      { intent: 'approve', productId: l.product.id, name: 'Kripik Pisang' },
      ketua,
    );
    expect(res.status).toBe(302);
    expect(services.current.products.has(l.product.id)).toBe(true);
  });

  it('rejects with the reason the seller reads; a second decision is "already decided"', async () => {
    withSellers(services.current);
    const l = fake().addListing(SRI.personId, {}, false);
    const ketua = await signInAs(KETUA);
    const missing = await act(
      moderationRoute,
      page,
      { intent: 'reject', productId: l.product.id, reason: '' },
      ketua,
    );
    expect(missing.status).toBe(400);
    expect(missing.data.errors.reason).toBe('errors.required');
    const res = await act(
      moderationRoute,
      page,
      { intent: 'reject', productId: l.product.id, reason: 'Foto kurang jelas' },
      ketua,
    );
    expect(res.status).toBe(302);
    expect(l.review).toMatchObject({ state: 'rejected', reason: 'Foto kurang jelas' });
    const again = await act(moderationRoute, page, { intent: 'approve', productId: l.product.id }, ketua);
    expect(again.status).toBe(409);
    expect(again.data.errors.form).toBe('errors.alreadyDecided');
  });

  it('sets the price-review threshold; a pengawas may not', async () => {
    withSellers(services.current);
    const bad = await act(
      moderationRoute,
      page,
      { intent: 'threshold', priceReviewThresholdPercent: 'banyak' },
      await signInAs(KETUA),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors.priceReviewThresholdPercent).toBe('errors.percent');
    const ok = await act(
      moderationRoute,
      page,
      { intent: 'threshold', priceReviewThresholdPercent: '15' },
      await signInAs(KETUA),
    );
    expect(ok.status).toBe(302);
    expect(fake().thresholds.get(slug)).toBe(15);
    const pengawas = await act(
      moderationRoute,
      page,
      { intent: 'threshold', priceReviewThresholdPercent: '50' },
      await signInAs(PENGAWAS),
    );
    expect(pengawas.status).toBe(403);
  });
});

describe('konsinyasi: balances, payouts, rates, statements', () => {
  const page = `/kelola/${slug}/konsinyasi`;
  const month = jakartaToday().slice(0, 7);

  function owed(amount: number) {
    withSellers(services.current);
    fake().balances.set('mbr_kb_sri', {
      sellerId: 'mbr_kb_sri',
      shopName: 'Keripik Bu Sri',
      status: 'active',
      balance: amount,
      availableForPayout: amount,
      pending: 0,
      lastPayoutAt: null,
    });
  }

  it("shows every seller's balance; only the bendahara may pay", async () => {
    owed(27_000);
    const ketua = await signInAs(KETUA);
    const view = await load<{ balances: { sellerId: string; balance: number }[]; isBendahara: boolean }>(
      consignmentLoader,
      page,
      ketua,
    );
    expect(view.data.isBendahara).toBe(false);
    expect(view.data.balances).toContainEqual(
      expect.objectContaining({ sellerId: 'mbr_kb_sri', balance: 27_000 }),
    );
    const refused = await act(
      consignmentRoute,
      page,
      {
        intent: 'payout',
        sellerId: 'mbr_kb_sri',
        amount: '27000',
        method: 'cash',
        receiptNumber: 'KW-1',
        note: '',
      },
      ketua,
    );
    expect(refused.status).toBe(403);
    expect(fake().payouts).toEqual([]);
  });

  it('refuses a payout above what is available, naming the amount; pays the rest once per key', async () => {
    owed(27_000);
    const bendahara = await signInAs(BENDAHARA);
    const view = await load<{ isBendahara: boolean; payoutKey: string }>(consignmentLoader, page, bendahara);
    expect(view.data.isBendahara).toBe(true);
    const pay = (amount: string) =>
      act(
        consignmentRoute,
        page,
        {
          intent: 'payout',
          sellerId: 'mbr_kb_sri',
          shopName: 'Keripik Bu Sri',
          amount,
          method: 'cash',
          receiptNumber: 'KW-0001',
          note: 'Tunai di gerai',
          idempotencyKey: view.data.payoutKey,
        },
        bendahara,
      );
    const tooMuch = await pay('30.000');
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.data).toMatchObject({ target: 'mbr_kb_sri', errors: { amount: 'errors.payoutTooMuch' } });
    const paid = await pay('27.000');
    expect(paid.status).toBe(302);
    const sent = services.current.calls.find(
      (c) =>
        c.method === 'POST' &&
        c.url.pathname.endsWith('/payouts') &&
        c.body &&
        (c.body as { amount: number }).amount === 27_000,
    );
    expect(sent?.body).toEqual({
      amount: 27_000,
      method: 'cash',
      note: 'Tunai di gerai',
      receiptNumber: 'KW-0001',
    });
    expect(sent?.headers.get('Idempotency-Key')).toBe(view.data.payoutKey);
    // The same form sent twice is one payout.
    expect((await pay('27.000')).status).toBe(302);
    expect(fake().payouts).toHaveLength(1);
    const after = await load<{ balances: { sellerId: string; balance: number }[] }>(
      consignmentLoader,
      page,
      bendahara,
    );
    expect(after.data.balances.find((b) => b.sellerId === 'mbr_kb_sri')?.balance).toBe(0);
  });

  it('saves the commission in basis points, per category too', async () => {
    owed(0);
    const bendahara = await signInAs(BENDAHARA);
    const bad = await act(
      consignmentRoute,
      page,
      { intent: 'commission', commission: '7,5', 'bps-minuman': 'lima' },
      bendahara,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors['bps-minuman']).toBe('errors.percent');
    const ok = await act(
      consignmentRoute,
      page,
      { intent: 'commission', commission: '7,5', 'bps-minuman': '5' },
      bendahara,
    );
    expect(ok.status).toBe(302);
    expect(fake().commission.get(slug)).toEqual({ commissionBps: 750, categoryBps: { minuman: 500 } });
  });

  it("shows a seller's statement to the staff and passes on its PDF", async () => {
    owed(27_000);
    fake().statements.set('mbr_kb_sri', [
      {
        date: `${month}-03`,
        at: `${month}-03T02:00:00.000Z`,
        kind: 'payout',
        notaNumber: null,
        product: null,
        quantity: null,
        receiptNumber: 'KW-9',
        amount: -5_000,
        balance: 22_000,
      },
    ]);
    const pengawas = await signInAs(PENGAWAS);
    const view = await load<{ seller: string; statement: { lines: { receiptNumber: string }[] } }>(
      consignmentLoader,
      `${page}?seller=mbr_kb_sri&month=${month}`,
      pengawas,
    );
    expect(view.data.seller).toBe('mbr_kb_sri');
    expect(view.data.statement.lines).toMatchObject([{ receiptNumber: 'KW-9' }]);
    const pdf = await run(() =>
      staffStatementFile(
        args(get(`${page}/unduh?seller=mbr_kb_sri&month=${month}&format=pdf`, pengawas), { slug }),
      ),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('Content-Type')).toBe('application/pdf');
    expect(pdf.headers.get('Content-Disposition')).toBe(
      `attachment; filename="laporan-mbr_kb_sri-${month}.pdf"`,
    );
    const unknown = await run(() =>
      staffStatementFile(
        args(get(`${page}/unduh?seller=mbr_nobody&month=${month}&format=pdf`, pengawas), { slug }),
      ),
    );
    expect(unknown.status).toBe(404);
  });
});
