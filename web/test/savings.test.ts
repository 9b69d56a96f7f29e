import { beforeEach, describe, expect, it, vi } from 'vitest';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import { loader as mySavingsLoader } from '~/routes/akun.simpanan/route';
import { action as savingsAction, loader as savingsLoader } from '~/routes/kelola.$slug.simpanan/route';
import {
  ANGGOTA,
  BENDAHARA,
  DINOYO_KETUA,
  type FakePerson,
  GUDANG,
  KASIR,
  KETUA,
  PENGAWAS,
} from './fixtures';
import { formatRupiah } from '~/utils/money';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { installFakeServices, signInAs } from './setup-services';

/**
 * Issue 11's savings pages over the fake services, with membership's savings endpoints answered by
 * the small fake below (contract-shaped answers; the web checks them against the OpenAPI document).
 */
const services = installFakeServices();
const slug = 'karangbesuki';
const page = `/kelola/${slug}/simpanan`;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refuse = (status: number, code: string, details?: Record<string, unknown>) =>
  json(status, { code, message: code, ...(details ? { details } : {}) });

const balances = (b: { pokok: number; wajib: number; sukarela: number }) => ({
  ...b,
  total: b.pokok + b.wajib + b.sukarela,
});
const movement = (over: Record<string, unknown> = {}) => ({
  movementId: 'svm_1',
  seq: 1,
  type: 'deposit',
  kind: 'wajib',
  amount: 30_000,
  method: 'cash',
  receiptNumber: 'BS-1',
  source: 'counter',
  receivedAt: '2026-03-02T08:00:00.000Z',
  recordedAt: '2026-03-02T08:00:00.000Z',
  recordedBy: 'per_kb_kasir',
  covers: { from: '2026-01', to: '2026-03', months: 3 },
  shu: null,
  balanceAfter: 30_000,
  ...over,
});
const savingsOf = (memberId: string, displayName: string) => ({
  cooperativeId: slug,
  memberId,
  displayName,
  joinedAt: '2026-01-10T02:00:00.000Z',
  balances: balances({ pokok: 100_000, wajib: 30_000, sukarela: 25_000 }),
  pokok: { amount: 100_000, paid: true, due: 0 },
  arrears: {
    monthsDue: 3,
    amountDue: 30_000,
    paid: 30_000,
    arrearsAmount: 0,
    monthsInArrears: 0,
    monthsInAdvance: 0,
    paidThrough: '2026-03',
    partial: 0,
    firstDueMonth: '2026-01',
    monthlyNow: 10_000,
    asOf: '2026-03-02T08:00:00.000Z',
  },
  history: { items: [movement()], nextBefore: null },
});
const row = (memberId: string, displayName: string, owed: number) => ({
  memberId,
  displayName,
  joinedAt: '2025-12-20T03:00:00.000Z',
  balances: balances({ pokok: 0, wajib: 0, sukarela: 0 }),
  monthsDue: 4,
  monthsInArrears: 4,
  arrearsAmount: owed - 100_000,
  paidThrough: null,
  pokokDue: 100_000,
  owed,
});

/** Membership's savings routes, in memory: who calls (from the fake's `at.<service>.<personId>.<n>` tokens) and what. */
function savingsFake() {
  const posted: { path: string; body: Record<string, unknown>; personId: string }[] = [];
  const next: { refusal: Response | null } = { refusal: null };
  const settings = {
    cooperativeId: slug,
    pokokAmount: 100_000,
    wajibRates: [{ from: '2000-01', amount: 10_000 }],
    firstDue: 'joining_month',
    wajibNow: 10_000,
    isDefault: true,
    updatedAt: null,
    updatedBy: null,
  };
  const handle = async (url: URL, init: RequestInit | undefined): Promise<Response | null> => {
    const path = url.pathname;
    if (!/^\/cooperatives\/[^/]+\/(savings|members\/[^/]+\/savings|my-savings)/.test(path)) return null;
    const token = new Headers(init?.headers).get('Authorization')?.replace(/^Bearer /, '') ?? '';
    const personId = token.split('.')[2] ?? '';
    const method = init?.method ?? 'GET';
    if (method !== 'GET') {
      posted.push({ path, body: JSON.parse(String(init?.body ?? '{}')), personId });
      if (next.refusal) return next.refusal;
    }
    if (path.endsWith('/savings-settings') && method === 'GET') return json(200, settings);
    if (path.endsWith('/savings-settings') && method === 'PUT') {
      const body = posted.at(-1)?.body ?? {};
      Object.assign(settings, body, {
        isDefault: false,
        updatedBy: personId,
        updatedAt: new Date().toISOString(),
      });
      return json(200, settings);
    }
    if (path.endsWith('/savings/arrears'))
      return json(200, {
        cooperativeId: slug,
        asOf: '2026-03-02T08:00:00.000Z',
        items: [row('mbr_kb_budi', 'Pak Budi', 140_000), row('mbr_kb_rina', 'Bu Rina', 120_000)],
        total: 2,
        offset: Number(url.searchParams.get('offset') ?? 0),
        limit: 20,
        nextOffset: null,
        totals: { members: 5, inArrears: 2, arrearsAmount: 60_000, pokokDue: 200_000, owed: 260_000 },
      });
    if (path.endsWith('/savings/members'))
      return json(200, {
        cooperativeId: slug,
        asOf: '2026-03-02T08:00:00.000Z',
        items: url.searchParams.get('q') === 'siti' ? [row('mbr_kb_siti', 'Bu Siti', 0)] : [],
        total: url.searchParams.get('q') === 'siti' ? 1 : 0,
        offset: 0,
        limit: 20,
        nextOffset: null,
      });
    if (path.endsWith('/my-savings'))
      return personId === ANGGOTA.personId
        ? json(200, savingsOf('mbr_kb_siti', 'Bu Siti'))
        : refuse(404, 'SAVINGS.NO_MEMBER_RECORD');
    const m = /\/members\/([^/]+)\/savings(\/deposits|\/withdrawals)?$/.exec(path);
    if (m && !m[2])
      return m[1] === 'mbr_kb_siti'
        ? json(200, savingsOf('mbr_kb_siti', 'Bu Siti'))
        : refuse(404, 'SAVINGS.MEMBER_NOT_FOUND');
    if (m?.[2])
      return json(201, {
        movement: movement({ receiptNumber: posted.at(-1)?.body.receiptNumber }),
        balances: balances({ pokok: 100_000, wajib: 60_000, sukarela: 25_000 }),
        replayed: false,
      });
    return refuse(404, 'NOT_FOUND');
  };
  return { posted, next, handle };
}

let savings: ReturnType<typeof savingsFake>;
beforeEach(() => {
  savings = savingsFake();
  for (const p of [ANGGOTA, BENDAHARA, GUDANG]) services.current.people.set(p.personId, structuredClone(p));
  const inner = services.current.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    return (await savings.handle(url, init)) ?? inner(input, init);
  });
});

const load = async <T = Record<string, any>>(
  loader: (a: ReturnType<typeof args>) => unknown,
  path: string,
  who: FakePerson,
) => run<T>(async () => loader(args(get(path, await signInAs(who)), { slug })));
const act = async (fields: Record<string, string>, who: FakePerson, path = page) => {
  const cookie = await signInAs(who);
  const res = await run<{ errors: Record<string, unknown>; target: string }>(() =>
    savingsAction(args(post(path, fields, cookie), { slug })),
  );
  return { ...res, cookie: cookiesOf(res.headers, cookie) };
};
const deposit = (over: Record<string, string> = {}) => ({
  intent: 'deposit',
  memberId: 'mbr_kb_siti',
  memberName: 'Bu Siti',
  kind: 'wajib',
  amount: formatRupiah(30_000),
  months: '3',
  method: 'transfer',
  receiptNumber: 'BS-0042',
  receivedOn: '',
  ...over,
});

describe('simpanan in the staff menu', () => {
  it('is there for pengurus, kasir and pengawas, not for the gudang nor another cooperative', async () => {
    for (const who of [KETUA, KASIR, PENGAWAS]) {
      const shell = await load<{ sections: string[] }>(shellLoader, `/kelola/${slug}`, who);
      expect(shell.data.sections, who.personId).toContain('simpanan');
    }
    expect((await load(savingsLoader, page, GUDANG)).status).toBe(404);
    expect((await load(savingsLoader, page, DINOYO_KETUA)).status).toBe(404);
  });
});

describe('/kelola/:slug/simpanan', () => {
  it('shows the rules, the arrears with totals, a search, and the chosen member with the counter forms for the kasir', async () => {
    const res = await load(savingsLoader, `${page}?cari=siti&anggota=mbr_kb_siti`, KASIR);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      settings: { pokokAmount: 100_000, isDefault: true },
      arrears: {
        total: 2,
        totals: { owed: 260_000 },
        items: [{ memberId: 'mbr_kb_budi' }, { memberId: 'mbr_kb_rina' }],
      },
      q: 'siti',
      found: { total: 1, items: [{ memberId: 'mbr_kb_siti' }] },
      memberId: 'mbr_kb_siti',
      savings: { displayName: 'Bu Siti', balances: { total: 155_000 } },
      canRecord: true,
      canSetRules: false,
    });
  });

  it('gives the pengawas and the ketua the reads but not the counter; the ketua sets the rules', async () => {
    expect((await load(savingsLoader, page, PENGAWAS)).data).toMatchObject({
      canRecord: false,
      canSetRules: false,
    });
    expect((await load(savingsLoader, page, KETUA)).data).toMatchObject({
      canRecord: false,
      canSetRules: true,
    });
    expect((await load(savingsLoader, page, BENDAHARA)).data).toMatchObject({
      canRecord: true,
      canSetRules: true,
    });
  });

  it('says so when the chosen member is not this cooperative’s, and keeps the rest of the page', async () => {
    const res = await load(savingsLoader, `${page}?anggota=mbr_dn_other`, KASIR);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ memberId: 'mbr_dn_other', savings: null, arrears: { total: 2 } });
  });

  it('records a deposit as typed: rupiah with dots, months for wajib, and comes back with a notice', async () => {
    const res = await act(deposit(), KASIR);
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe(`${page}?anggota=mbr_kb_siti#savings-title`);
    expect(savings.posted).toEqual([
      {
        path: `/cooperatives/${slug}/members/mbr_kb_siti/savings/deposits`,
        personId: KASIR.personId,
        body: { kind: 'wajib', amount: 30_000, months: 3, method: 'transfer', receiptNumber: 'BS-0042' },
      },
    ]);
    const after = await run<{ notice: unknown }>(() =>
      savingsLoader(args(get(`${page}?anggota=mbr_kb_siti`, res.cookie), { slug })),
    );
    expect(after.data.notice).toEqual({
      key: 'staff.savings.deposited',
      vars: { kind: 'wajib', amount: formatRupiah(30_000), name: 'Bu Siti' },
    });
  });

  it('sends an earlier receipt date as that day’s last minute in WIB, and refuses a later one itself', async () => {
    await act(deposit({ kind: 'sukarela', months: '', receivedOn: '2026-01-15' }), BENDAHARA);
    expect(savings.posted[0]?.body).toMatchObject({
      kind: 'sukarela',
      receivedAt: '2026-01-15T16:59:00.000Z',
    });
    expect(savings.posted[0]?.body).not.toHaveProperty('months');
    const future = await act(deposit({ receivedOn: '2999-01-01' }), BENDAHARA);
    expect(future.status).toBe(400);
    expect(future.data.errors).toEqual({ receivedOn: 'savings.errors.dateFuture' });
    expect(savings.posted).toHaveLength(1);
  });

  it('names the field of a bad form without calling membership', async () => {
    const res = await act(
      deposit({ kind: 'pokok', amount: 'seratus', receiptNumber: 'BS 1', months: '2', method: 'qris' }),
      KASIR,
    );
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({
      target: 'mbr_kb_siti',
      errors: {
        amount: 'errors.price',
        receiptNumber: 'savings.errors.receipt',
        method: 'savings.errors.method',
      },
    });
    const onlyWajib = await act(deposit({ kind: 'pokok', amount: '100000', months: '2' }), KASIR);
    expect(onlyWajib.data.errors).toEqual({ months: 'savings.errors.monthsOnlyWajib' });
    expect(savings.posted).toEqual([]);
  });

  it("puts membership's refusals on the field they are about, with their figures", async () => {
    const cases: [Response, Record<string, unknown>][] = [
      [
        refuse(409, 'SAVINGS.INSUFFICIENT', { field: 'amount', balance: 25_000 }),
        { amount: { key: 'savings.errors.insufficient', vars: { balance: formatRupiah(25_000) } } },
      ],
      [
        refuse(409, 'SAVINGS.POKOK_AMOUNT', { field: 'amount', expected: 100_000 }),
        { amount: { key: 'savings.errors.pokokAmount', vars: { amount: formatRupiah(100_000) } } },
      ],
      [
        refuse(409, 'SAVINGS.WAJIB_AMOUNT_MISMATCH', { field: 'amount', expected: 20_000, months: 2 }),
        { amount: { key: 'savings.errors.wajibMonths', vars: { months: 2, amount: formatRupiah(20_000) } } },
      ],
      [
        refuse(409, 'SAVINGS.RECEIPT_USED', { field: 'receiptNumber' }),
        { receiptNumber: 'savings.errors.receiptUsed' },
      ],
      [refuse(409, 'SAVINGS.POKOK_ALREADY_PAID', { field: 'kind' }), { kind: 'savings.errors.pokokPaid' }],
      [refuse(409, 'SAVINGS.RECEIVED_BEFORE_JOINING'), { receivedOn: 'savings.errors.beforeJoining' }],
      [refuse(409, 'SAVINGS.NOT_A_MEMBER'), { form: 'savings.errors.notAnggota' }],
      [
        refuse(400, 'VALIDATION.FAILED', { issues: [{ field: 'receiptNumber', message: 'x' }] }),
        { receiptNumber: 'savings.errors.receipt' },
      ],
      [refuse(404, 'SAVINGS.MEMBER_NOT_FOUND'), { form: 'errors.gone' }],
    ];
    for (const [refusal, errors] of cases) {
      savings.next.refusal = refusal;
      const res = await act({ ...deposit(), intent: 'withdrawal' }, BENDAHARA);
      expect(res.status, JSON.stringify(errors)).toBeGreaterThanOrEqual(400);
      expect(res.data.errors).toEqual(errors);
    }
  });

  it('does not let the pengawas or the ketua record money, nor the kasir change the rules', async () => {
    for (const who of [PENGAWAS, KETUA]) {
      const res = await act(deposit(), who);
      expect(res.status).toBe(403);
      expect(res.data.errors).toEqual({ form: 'staff.savings.counterOnly' });
    }
    const rules = await act({ intent: 'settings', pokokAmount: '50000', firstDue: 'joining_month' }, KASIR);
    expect(rules.status).toBe(403);
    expect(savings.posted).toEqual([]);
  });

  it('saves the rules from the rate rows, skipping empty ones and naming a bad month', async () => {
    const bad = await act(
      {
        intent: 'settings',
        pokokAmount: '50.000',
        firstDue: 'month_after_joining',
        'rateFrom-0': '2026-13',
        'rateAmount-0': '10000',
      },
      KETUA,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ 'rateFrom-0': 'savings.errors.month' });
    const ok = await act(
      {
        intent: 'settings',
        pokokAmount: '50.000',
        firstDue: 'month_after_joining',
        'rateFrom-0': '2025-01',
        'rateAmount-0': '10000',
        'rateFrom-2': '2026-07',
        'rateAmount-2': formatRupiah(15_000),
      },
      KETUA,
    );
    expect(ok.status).toBe(302);
    expect(savings.posted.at(-1)?.body).toEqual({
      pokokAmount: 50_000,
      wajibRates: [
        { from: '2025-01', amount: 10_000 },
        { from: '2026-07', amount: 15_000 },
      ],
      firstDue: 'month_after_joining',
    });
  });
});

describe('/akun/simpanan', () => {
  it('shows a member their own savings, found from their account', async () => {
    const res = await load<{
      cooperatives: { cooperativeId: string; savings: { memberId: string } | null }[];
    }>(mySavingsLoader, '/akun/simpanan', ANGGOTA);
    expect(res.status).toBe(200);
    expect(res.data.cooperatives).toMatchObject([
      { cooperativeId: slug, savings: { memberId: 'mbr_kb_siti' } },
    ]);
    expect(savings.posted).toEqual([]);
  });

  it('says when an account is not linked to a member record, and lists nothing for a shopper', async () => {
    const ketua = await load<{ cooperatives: { savings: unknown }[] }>(
      mySavingsLoader,
      '/akun/simpanan',
      KETUA,
    );
    expect(ketua.data.cooperatives).toMatchObject([{ savings: null }]);
    const kasir = await load<{ cooperatives: unknown[] }>(mySavingsLoader, '/akun/simpanan', KASIR);
    expect(kasir.data.cooperatives).toEqual([]);
  });
});
