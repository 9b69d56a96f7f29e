import type { CooperativeRole } from '@pasar/contracts';
import { routeTable } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { fakeApp, issuer, json } from '../../testing/fakes';
import { newOrderId, orderLine, tell } from '../testing/builders';
import { SELLERS } from '../testing/fakes';

const A = 'karangbesuki';
const sri = SELLERS.sri;

async function as(
  personId: string,
  roles: CooperativeRole[],
  opts: { position?: 'bendahara' | 'ketua'; coop?: string } = {},
) {
  const grant = {
    cooperativeId: opts.coop ?? A,
    roles,
    ...(opts.position ? { position: opts.position } : {}),
  };
  const token = await issuer.token({ personId, grants: [grant] }, { service: 'payments' });
  return { authorization: `Bearer ${token}` };
}
const bendahara = () => as('per_kb_bendahara', ['anggota', 'pengurus'], { position: 'bendahara' });
const ketua = () => as('per_kb_ketua', ['anggota', 'pengurus'], { position: 'ketua' });
const pengawas = () => as('per_kb_pengawas', ['pengawas']);
const penjual = (s: { personId: string; cooperativeId: string }) =>
  as(s.personId, ['anggota', 'penjual'], { coop: s.cooperativeId });

/** An app where Bu Sri sold Rp 30.000 (handed over, KB-1) and Rp 10.000 (paid, not handed over). */
async function withSales() {
  const ctx = fakeApp();
  const deps = ctx.deps.consignment;
  const [o1, o2] = [newOrderId(), newOrderId()];
  await tell(deps, o1, [
    { kind: 'lines', lines: [orderLine(sri.sellerId, 'keripik', 15_000, 2)] },
    { kind: 'moneyIn', at: new Date('2026-11-02T03:00:00Z') },
    { kind: 'completed', at: new Date('2026-11-02T05:00:00Z'), notaNumber: 'KB-1' },
  ]);
  await tell(deps, o2, [
    { kind: 'lines', lines: [orderLine(sri.sellerId, 'keripik', 10_000, 1)] },
    { kind: 'moneyIn', at: new Date('2026-11-03T03:00:00Z') },
  ]);
  return { ...ctx, o2 };
}

const base = `/cooperatives/${A}`;
const of = (sellerId: string, tail: string) => `${base}/sellers/${sellerId}/${tail}`;
const post = (headers: Record<string, string>, body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { ...headers, ...extra, 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const PAYOUT = { amount: 20_000, method: 'cash', note: 'Diambil di gerai', receiptNumber: 'KW-2026-11-001' };

describe('GET /cooperatives/{id}/sellers/{sellerId}/consignment', () => {
  it('shows the seller their own balance, available and pending', async () => {
    const { app } = await withSales();
    const res = await app.request(of(sri.sellerId, 'consignment'), { headers: await penjual(sri) });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      cooperativeId: A,
      sellerId: sri.sellerId,
      shopName: 'Keripik Bu Sri',
      status: 'active',
      balance: 36_000,
      availableForPayout: 27_000,
      pending: 9_000,
      lastPayoutAt: null,
      totals: { sales: 40_000, commission: 4_000, refunds: 0, commissionReversed: 0, payouts: 0 },
      anomalies: [],
    });
  });

  it('answers 404 to another seller of the same cooperative, exactly as for a missing seller', async () => {
    const { app } = await withSales();
    const res = await app.request(of(sri.sellerId, 'consignment'), { headers: await penjual(SELLERS.yanti) });
    const missing = await app.request(of('mbr_nobody', 'consignment'), {
      headers: await penjual(SELLERS.yanti),
    });
    expect([res.status, missing.status]).toEqual([404, 404]);
    const [a, b] = [await json(res), await json(missing)];
    expect(a.code).toBe('CONSIGNMENT.SELLER_NOT_FOUND');
    expect(b.code).toBe(a.code);
  });

  it('answers 404 to a seller of another cooperative', async () => {
    const { app } = await withSales();
    const res = await app.request(of(sri.sellerId, 'consignment'), { headers: await penjual(SELLERS.ani) });
    expect(res.status).toBe(404);
  });

  it("answers 404 for another cooperative's seller even to staff who name it under their own cooperative", async () => {
    const { app } = await withSales();
    const res = await app.request(of(SELLERS.ani.sellerId, 'consignment'), { headers: await ketua() });
    expect(res.status).toBe(404);
  });

  it.each([
    ['pengurus', ketua],
    ['pengawas', pengawas],
  ])('shows any seller to a %s', async (_, who) => {
    const { app } = await withSales();
    const res = await app.request(of(sri.sellerId, 'consignment'), { headers: await who() });
    expect(res.status).toBe(200);
  });

  it('refuses a kasir (403) and a stranger (401)', async () => {
    const { app } = await withSales();
    expect(
      (await app.request(of(sri.sellerId, 'consignment'), { headers: await as('k', ['kasir']) })).status,
    ).toBe(403);
    expect((await app.request(of(sri.sellerId, 'consignment'))).status).toBe(401);
  });
});

describe('GET /cooperatives/{id}/consignment', () => {
  it("lists every seller's balance for the board, by shop name, with totals", async () => {
    const { app } = await withSales();
    const res = await app.request(`${base}/consignment`, { headers: await pengawas() });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      cooperativeId: A,
      items: [
        {
          sellerId: sri.sellerId,
          shopName: 'Keripik Bu Sri',
          status: 'active',
          balance: 36_000,
          availableForPayout: 27_000,
          pending: 9_000,
          lastPayoutAt: null,
          anomalies: 0,
        },
        {
          sellerId: 'mbr_kb_yanti',
          shopName: 'Kue Basah Bu Yanti',
          status: 'active',
          balance: 0,
          availableForPayout: 0,
          pending: 0,
          lastPayoutAt: null,
          anomalies: 0,
        },
      ],
      totals: { balance: 36_000, availableForPayout: 27_000, pending: 9_000 },
    });
  });

  it('is not for sellers (403)', async () => {
    const { app } = await withSales();
    expect((await app.request(`${base}/consignment`, { headers: await penjual(sri) })).status).toBe(403);
  });
});

describe('POST /cooperatives/{id}/sellers/{sellerId}/payouts', () => {
  it('records a payout by the bendahara: 201, the balance drops, audited, an event for the books', async () => {
    const { app, consignment } = await withSales();
    const res = await app.request(of(sri.sellerId, 'payouts'), post(await bendahara(), PAYOUT));
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.payout).toEqual({
      payoutId: expect.stringMatching(/^cpo_/),
      amount: 20_000,
      method: 'cash',
      receiptNumber: 'KW-2026-11-001',
      note: 'Diambil di gerai',
      recordedBy: 'per_kb_bendahara',
      recordedAt: expect.any(String),
    });
    expect(body.consignment).toMatchObject({ balance: 16_000, availableForPayout: 7_000, pending: 9_000 });
    const types = consignment.events.map((e) => e.type);
    expect(types.slice(-2)).toEqual([
      'pasar.payments.consignment.payout-recorded',
      'pasar.audit.entry.recorded',
    ]);
    expect(consignment.events.at(-1)?.data).toMatchObject({
      action: 'payments.consignment.payout-recorded',
      actorId: 'per_kb_bendahara',
      before: { balance: 36_000 },
      after: { balance: 16_000, amount: 20_000 },
    });
  });

  it('refuses more than is available (money of orders not handed over is not available): 409 with a code', async () => {
    const { app } = await withSales();
    const res = await app.request(
      of(sri.sellerId, 'payouts'),
      post(await bendahara(), { ...PAYOUT, amount: 27_001 }),
    );
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE');
  });

  it('replays the same Idempotency-Key (200, paid once) and refuses it for another payout', async () => {
    const { app } = await withSales();
    const key = { 'idempotency-key': 'payout-0001-abcdef' };
    const first = await app.request(of(sri.sellerId, 'payouts'), post(await bendahara(), PAYOUT, key));
    const again = await app.request(of(sri.sellerId, 'payouts'), post(await bendahara(), PAYOUT, key));
    expect([first.status, again.status]).toEqual([201, 200]);
    const [a, b] = [await json(first), await json(again)];
    expect(b.payout.payoutId).toBe(a.payout.payoutId);
    expect(b.consignment.balance).toBe(16_000);
    const other = await app.request(
      of(sri.sellerId, 'payouts'),
      post(await bendahara(), { ...PAYOUT, amount: 1_000 }, key),
    );
    expect(other.status).toBe(409);
    expect((await json(other)).code).toBe('CONSIGNMENT.IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    [{ ...PAYOUT, amount: 0 }, 'amount'],
    [{ ...PAYOUT, amount: -5 }, 'amount'],
    [{ ...PAYOUT, amount: 10.5 }, 'amount'],
    [{ ...PAYOUT, method: 'gopay' }, 'method'],
    [{ ...PAYOUT, receiptNumber: '' }, 'receiptNumber'],
    [{ amount: 1_000, method: 'cash' }, 'receiptNumber'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const { app } = await withSales();
    const res = await app.request(of(sri.sellerId, 'payouts'), post(await bendahara(), body));
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain(field);
  });

  it.each([
    ['the ketua (not the bendahara)', ketua],
    ['the seller', () => penjual(sri)],
    ['a pengawas', pengawas],
  ])('is refused to %s (403)', async (_, who) => {
    const { app } = await withSales();
    expect((await app.request(of(sri.sellerId, 'payouts'), post(await who(), PAYOUT))).status).toBe(403);
  });
});

describe('GET|PUT /cooperatives/{id}/consignment-settings', () => {
  it('starts at the 10 % default; the bendahara sets rates, audited; the seller can read them', async () => {
    const { app, consignment } = fakeApp();
    const url = `${base}/consignment-settings`;
    expect(await json(await app.request(url, { headers: await penjual(sri) }))).toEqual({
      cooperativeId: A,
      commissionBps: 1000,
      categoryBps: {},
      isDefault: true,
      updatedAt: null,
    });
    const put = await app.request(url, {
      method: 'PUT',
      headers: { ...(await bendahara()), 'content-type': 'application/json' },
      body: JSON.stringify({ commissionBps: 1250, categoryBps: { minuman: 500 } }),
    });
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({
      commissionBps: 1250,
      categoryBps: { minuman: 500 },
      isDefault: false,
    });
    expect(consignment.events.at(-1)).toMatchObject({
      type: 'pasar.audit.entry.recorded',
      data: {
        action: 'payments.consignment.settings-changed',
        before: { commissionBps: 1000 },
        after: { commissionBps: 1250 },
      },
    });
  });

  it.each([
    [{ commissionBps: 10_001 }, 'commissionBps'],
    [{ commissionBps: 12.5 }, 'commissionBps'],
    [{ commissionBps: 1000, categoryBps: { rokok: 100 } }, 'categoryBps'],
    [{ commissionBps: 1000, categoryBps: { minuman: -1 } }, 'categoryBps'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const { app } = fakeApp();
    const res = await app.request(`${base}/consignment-settings`, {
      method: 'PUT',
      headers: { ...(await bendahara()), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain(field);
  });

  it('is not the ketua to set (403: the bendahara records money)', async () => {
    const { app } = fakeApp();
    const res = await app.request(`${base}/consignment-settings`, {
      method: 'PUT',
      headers: { ...(await ketua()), 'content-type': 'application/json' },
      body: JSON.stringify({ commissionBps: 0 }),
    });
    expect(res.status).toBe(403);
  });
});

describe('GET .../statement', () => {
  it('JSON: opening balance, lines with Jakarta dates and nota numbers, closing balance', async () => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'statement')}?month=2026-11`, {
      headers: await penjual(sri),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      sellerId: sri.sellerId,
      month: '2026-11',
      from: '2026-10-31T17:00:00.000Z',
      to: '2026-11-30T17:00:00.000Z',
      openingBalance: 0,
      closingBalance: 36_000,
      totals: { sales: 40_000, commission: 4_000, refunds: 0, commissionReversed: 0, payouts: 0 },
    });
    expect(body.lines[0]).toEqual({
      date: '2026-11-02',
      at: '2026-11-02T03:00:00.000Z',
      kind: 'sale',
      orderId: expect.any(String),
      notaNumber: 'KB-1',
      productId: 'keripik',
      product: 'Produk keripik',
      quantity: 2,
      receiptNumber: null,
      amount: 30_000,
      balance: 30_000,
    });
  });

  it.each([
    ['csv', 'text/csv; charset=utf-8', '\uFEFFRekening titip jual'],
    ['pdf', 'application/pdf', '%PDF-'],
  ])('%s: a file to download', async (format, type, start) => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'statement')}?month=2026-11&format=${format}`, {
      headers: await bendahara(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="rekening-titip-jual-${sri.sellerId}-2026-11.${format}"`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.toString('utf8', 0, start.length + 2).startsWith(start)).toBe(true);
  });

  it.each([
    ['month=2026-13', 'query.month'],
    ['month=november', 'query.month'],
    ['', 'query.month'],
    ['month=2026-11&format=xlsx', 'query.format'],
  ])('answers 400 for ?%s naming %s', async (q, field) => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'statement')}?${q}`, { headers: await penjual(sri) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain(field);
  });

  it("is another seller's to read: 404", async () => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'statement')}?month=2026-11`, {
      headers: await penjual(SELLERS.yanti),
    });
    expect(res.status).toBe(404);
  });
});

describe('GET .../sales', () => {
  it('per product and per day with nota numbers, and no shopper data', async () => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'sales')}?from=2026-11-01&to=2026-11-30`, {
      headers: await penjual(sri),
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({
      cooperativeId: A,
      sellerId: sri.sellerId,
      from: '2026-11-01',
      to: '2026-11-30',
      quantity: 3,
      amount: 40_000,
      products: [
        { productId: 'keripik', name: 'Produk keripik', quantity: 3, amount: 40_000, notaNumbers: ['KB-1'] },
      ],
      days: [
        {
          date: '2026-11-02',
          quantity: 2,
          amount: 30_000,
          products: [
            {
              productId: 'keripik',
              name: 'Produk keripik',
              quantity: 2,
              amount: 30_000,
              notaNumbers: ['KB-1'],
            },
          ],
        },
        {
          date: '2026-11-03',
          quantity: 1,
          amount: 10_000,
          products: [
            { productId: 'keripik', name: 'Produk keripik', quantity: 1, amount: 10_000, notaNumbers: [] },
          ],
        },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/buyer|phone|nik|address|personId/i);
  });

  it.each([
    ['from=2026-11-30&to=2026-11-01', 'query.to'],
    ['from=2026-01-01&to=2026-12-31', 'query.to'],
    ['from=2026-11-01', 'to'],
    ['from=kemarin&to=2026-11-01', 'from'],
  ])('answers 400 for ?%s naming %s', async (q, field) => {
    const { app } = await withSales();
    const res = await app.request(`${of(sri.sellerId, 'sales')}?${q}`, { headers: await penjual(sri) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await json(res))).toContain(field);
  });
});

it('every consignment route has an access rule in the route table', () => {
  const { app } = fakeApp();
  const rows = routeTable(app).filter((r) => /consignment|statement|sales|payouts/.test(r.path));
  expect(rows).toHaveLength(7);
  for (const r of rows) expect(r.access?.allow.length).toBeGreaterThan(0);
});
