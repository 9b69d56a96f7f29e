import { ShuDistributed } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { fakeApp, json, staffHeaders } from '../testing/fakes';
import { pdfFacts } from '../testing/pdf-text';
import { closeYear, shuWorld } from '../testing/shu-world';

const COOP = 'karangbesuki';
const base = `/cooperatives/${COOP}/shu`;
const bendahara = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bendahara' });
const ketua = () => staffHeaders(COOP, ['pengurus'], { position: 'ketua', personId: 'per_ketua' });
const sekretaris = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'sekretaris', personId: 'per_sekretaris' });
const pengawas = () => staffHeaders(COOP, ['pengawas'], { personId: 'per_pengawas' });
const anggota = (personId: string) => staffHeaders(COOP, ['anggota'], { personId });
const otherKetua = () => staffHeaders('dinoyo', ['pengurus'], { position: 'ketua' });

/** The bylaws of worked example 1 (shu.test.ts): cadangan 25 %, JM 20 %, JU 30 %, five funds of 5 %. */
const ALLOCATION = {
  cadangan: 2500,
  jasaModal: 2000,
  jasaUsaha: 3000,
  danaPengurus: 500,
  danaKaryawan: 500,
  danaPendidikan: 500,
  danaSosial: 500,
  danaPembangunanDaerahKerja: 500,
};

type Ctx = ReturnType<typeof fakeApp>;
const call = async (ctx: Ctx, method: string, path: string, headers: object, body?: unknown) =>
  ctx.app.request(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/**
 * A year (2025) of a small cooperative, written out by hand (today is 15 March 2026):
 * - Bu Ani (joined 2024): pokok 100.000 (2024) + wajib 200.000; sukarela 500.000 (not counted);
 *   bought goods 150.000 (+ 5.000 delivery, not counted).
 * - Pak Budi (joined 10 March 2025): pokok 100.000 + wajib 100.000; bought 40.000 in February
 *   (before joining: not counted) and 250.000 in June.
 * - Bu Citra (joined August 2025): pokok 100.000; her titip jual sold 100.000 (commission
 *   10.000); another sale of 70.000 was undone before handover (not counted).
 * - Pak Dedi joined in January 2026 (not in 2025's list); a guest bought 500.000 (nobody's).
 * - Electricity 155.000 in December.
 * Income: sales 150 + 40 + 250 + 500 (+ 100 titip jual, moved to the seller) = 940.000, delivery
 * 5.000, commission 10.000 → 955.000; expenses 155.000 → SHU 800.000.
 */
async function yearOfTrade(opts: { close?: boolean; allocation?: boolean } = {}) {
  const ctx = fakeApp();
  const w = shuWorld(ctx.deps, COOP);
  await w.member('mbr_a', 'Bu Ani', 'per_ani', '2024-06-01T03:00:00Z');
  await w.member('mbr_b', 'Pak Budi', 'per_budi', '2025-03-10T03:00:00Z');
  await w.member('mbr_c', 'Bu Citra', 'per_citra', '2025-08-20T03:00:00Z');
  await w.member('mbr_d', 'Pak Dedi', 'per_dedi', '2026-01-05T03:00:00Z');
  await w.deposit('mbr_a', 'pokok', 100_000, '2024-06-01T03:00:00Z');
  await w.deposit('mbr_a', 'wajib', 200_000, '2025-05-10T03:00:00Z');
  await w.deposit('mbr_a', 'sukarela', 500_000, '2025-05-10T03:00:00Z');
  await w.deposit('mbr_b', 'pokok', 100_000, '2025-03-10T03:00:00Z');
  await w.deposit('mbr_b', 'wajib', 100_000, '2025-11-02T03:00:00Z');
  await w.deposit('mbr_c', 'pokok', 100_000, '2025-08-20T03:00:00Z');
  await w.deposit('mbr_d', 'pokok', 100_000, '2026-01-05T03:00:00Z');
  await w.purchase('per_ani', 150_000, '2025-04-12T03:00:00Z', 5_000);
  await w.purchase('per_budi', 40_000, '2025-02-20T03:00:00Z');
  await w.purchase('per_budi', 250_000, '2025-06-15T03:00:00Z');
  await w.purchase(null, 500_000, '2025-07-01T03:00:00Z');
  await w.consignment('mbr_c', 100_000, 10_000, '2025-09-05T03:00:00Z');
  await w.consignment('mbr_c', 70_000, 7_000, '2025-10-01T03:00:00Z', true);
  await w.expense(155_000, '2025-12-20T03:00:00Z');
  if (opts.close !== false) await closeYear(ctx.deps, COOP, 2025);
  if (opts.allocation !== false)
    expect((await call(ctx, 'PUT', `${base}/allocation`, await ketua(), ALLOCATION)).status).toBe(200);
  return { ctx, w };
}

async function drafted() {
  const world = await yearOfTrade();
  const res = await call(world.ctx, 'POST', `${base}/2025/draft`, await bendahara());
  expect(res.status).toBe(200);
  return { ...world, draft: await json(res) };
}

async function approved() {
  const world = await drafted();
  const res = await call(world.ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
  expect(res.status).toBe(200);
  return world;
}

const balanceSheet = async (ctx: Ctx) =>
  json(await call(ctx, 'GET', `/cooperatives/${COOP}/reports/balance-sheet?to=2026-03`, await pengawas()));
const trialBalance = async (ctx: Ctx) =>
  json(await call(ctx, 'GET', `/cooperatives/${COOP}/reports/trial-balance?to=2026-03`, await pengawas()));

describe('the SHU allocation from the bylaws', () => {
  it('is null until set; the ketua or the bendahara sets it, audited; the pengawas reads it', async () => {
    const { ctx } = await yearOfTrade({ allocation: false });
    const before = await json(await call(ctx, 'GET', `${base}/allocation`, await pengawas()));
    expect(before).toEqual({ cooperativeId: COOP, allocation: null, updatedBy: null, updatedAt: null });
    const put = await call(ctx, 'PUT', `${base}/allocation`, await bendahara(), ALLOCATION);
    expect(put.status).toBe(200);
    expect(await json(put)).toMatchObject({ allocation: ALLOCATION, updatedBy: 'per_bendahara' });
    expect((await call(ctx, 'PUT', `${base}/allocation`, await ketua(), ALLOCATION)).status).toBe(200);
    expect(ctx.shu.events.map((e) => (e.data as { action: string }).action)).toEqual([
      'ledger.shu-allocation.set',
      'ledger.shu-allocation.set',
    ]);
    const read = await json(await call(ctx, 'GET', `${base}/allocation`, await pengawas()));
    expect(read).toMatchObject({ allocation: ALLOCATION, updatedBy: 'per_ketua' });
  });

  it('refuses percentages that do not sum to 100, naming the sum', async () => {
    const { ctx } = await yearOfTrade({ allocation: false });
    const res = await call(ctx, 'PUT', `${base}/allocation`, await ketua(), { ...ALLOCATION, cadangan: 500 });
    expect(res.status).toBe(400);
    expect((await json(res)).details.issues).toEqual([
      { field: 'total', message: 'the eight percentages must sum to 100 % (they sum to 80 %)' },
    ]);
    expect(ctx.shu.allocations.size).toBe(0);
  });

  it.each([
    ['a fraction of a basis point', { ...ALLOCATION, cadangan: 2500.5 }, 'cadangan'],
    ['a negative share', { ...ALLOCATION, danaSosial: -500 }, 'danaSosial'],
    ['a missing pool', { ...ALLOCATION, jasaUsaha: undefined }, 'jasaUsaha'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    const { ctx } = await yearOfTrade({ allocation: false });
    const res = await call(ctx, 'PUT', `${base}/allocation`, await ketua(), body);
    expect(res.status).toBe(400);
    expect((await json(res)).details.issues[0].field).toBe(field);
  });

  it('refuses the sekretaris and the pengawas; another cooperative sees nothing', async () => {
    const { ctx } = await yearOfTrade({ allocation: false });
    const sek = await call(ctx, 'PUT', `${base}/allocation`, await sekretaris(), ALLOCATION);
    expect(sek.status).toBe(403);
    expect((await json(sek)).code).toBe('SHU.POSITION_REQUIRED');
    expect((await call(ctx, 'PUT', `${base}/allocation`, await pengawas(), ALLOCATION)).status).toBe(403);
    expect((await call(ctx, 'PUT', `${base}/allocation`, await otherKetua(), ALLOCATION)).status).toBe(404);
    expect((await call(ctx, 'GET', `${base}/allocation`, await otherKetua())).status).toBe(404);
    expect((await call(ctx, 'GET', `${base}/allocation`, await anggota('per_ani'))).status).toBe(403);
    expect(ctx.shu.allocations.size).toBe(0);
  });
});

describe('POST /cooperatives/{cooperativeId}/shu/{year}/draft', () => {
  it('computes the year by hand: SHU 800.000, the pools, and each member’s JM and JU', async () => {
    const { draft } = await drafted();
    expect(draft).toMatchObject({
      shuId: `${COOP}:2025`,
      status: 'draft',
      income: 955_000,
      expenses: 155_000,
      shu: 800_000,
      loss: false,
      pools: {
        cadangan: 200_000,
        jasaModal: 160_000,
        jasaUsaha: 240_000,
        danaPengurus: 40_000,
        danaKaryawan: 40_000,
        danaPendidikan: 40_000,
        danaSosial: 40_000,
        danaPembangunanDaerahKerja: 40_000,
      },
      computedBy: 'per_bendahara',
    });
    // Σsavings 600.000 (300 / 200 / 100), Σtransactions 500.000 (150 / 250 / 100).
    // JM 160.000: Ani 80.000; Budi 53.333,33; Citra 26.666,67 → floors leave 1 rupiah, to Citra's ,67.
    // JU 240.000: Ani 72.000; Budi 120.000; Citra 48.000 exactly.
    expect(
      draft.members.map((m: Record<string, unknown>) => [
        m.memberId,
        m.displayName,
        m.savings,
        m.transactions,
        m.jasaModal,
        m.jasaUsaha,
        m.total,
      ]),
    ).toEqual([
      ['mbr_a', 'Bu Ani', 300_000, 150_000, 80_000, 72_000, 152_000],
      ['mbr_b', 'Pak Budi', 200_000, 250_000, 53_333, 120_000, 173_333],
      ['mbr_c', 'Bu Citra', 100_000, 100_000, 26_667, 48_000, 74_667],
    ]);
    expect(draft.totals).toEqual({
      savings: 600_000,
      transactions: 500_000,
      jasaModal: 160_000,
      jasaUsaha: 240_000,
      members: 3,
    });
    expect(draft.unshared).toEqual({ jasaModal: 0, jasaUsaha: 0 });
    expect(draft.roundingNote).toMatch(/sisa terbesar/);
  });

  it('refuses while a month of the year is open, naming the first one', async () => {
    const { ctx } = await yearOfTrade({ close: false });
    for (const m of ['01', '02', '03']) await ctx.deps.periods.close(COOP, `2025-${m}`, 'x', new Date(), []);
    const res = await call(ctx, 'POST', `${base}/2025/draft`, await bendahara());
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'SHU.YEAR_NOT_CLOSED', details: { period: '2025-04' } });
  });

  it('refuses without an allocation, and names a year that is not one', async () => {
    const { ctx } = await yearOfTrade({ allocation: false });
    const none = await call(ctx, 'POST', `${base}/2025/draft`, await bendahara());
    expect(none.status).toBe(409);
    expect((await json(none)).code).toBe('SHU.ALLOCATION_NOT_SET');
    const bad = await call(ctx, 'POST', `${base}/duaribu/draft`, await bendahara());
    expect(bad.status).toBe(400);
    expect((await json(bad)).details.issues[0].field).toBe('param.year');
  });

  it('is the bendahara’s: the ketua and the pengawas are refused, another cooperative gets 404', async () => {
    const { ctx } = await yearOfTrade();
    expect((await call(ctx, 'POST', `${base}/2025/draft`, await ketua())).status).toBe(403);
    expect((await call(ctx, 'POST', `${base}/2025/draft`, await pengawas())).status).toBe(403);
    expect(
      (
        await call(
          ctx,
          'POST',
          `${base}/2025/draft`,
          await staffHeaders('dinoyo', ['pengurus'], { position: 'bendahara' }),
        )
      ).status,
    ).toBe(404);
    expect(ctx.shu.runs.size).toBe(0);
  });

  it('replaces a draft when recomputed (the new allocation counts), and is refused once approved', async () => {
    const { ctx } = await drafted();
    await call(ctx, 'PUT', `${base}/allocation`, await ketua(), {
      ...ALLOCATION,
      cadangan: 2000,
      jasaUsaha: 3500,
    });
    const again = await json(await call(ctx, 'POST', `${base}/2025/draft`, await bendahara()));
    expect(again.pools).toMatchObject({ cadangan: 160_000, jasaUsaha: 280_000 });
    expect(ctx.shu.runs.get(`${COOP}:2025`)?.version).toBe(2);
    await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    const refused = await call(ctx, 'POST', `${base}/2025/draft`, await bendahara());
    expect(refused.status).toBe(409);
    expect((await json(refused)).code).toBe('SHU.NOT_DRAFT');
  });

  it('shows a loss as it is; it cannot be approved', async () => {
    const ctx = fakeApp();
    const w = shuWorld(ctx.deps, COOP);
    await w.member('mbr_a', 'Bu Ani', 'per_ani', '2024-06-01T03:00:00Z');
    await w.purchase('per_ani', 100_000, '2025-04-12T03:00:00Z');
    await w.expense(250_000, '2025-12-20T03:00:00Z');
    await closeYear(ctx.deps, COOP, 2025);
    await call(ctx, 'PUT', `${base}/allocation`, await ketua(), ALLOCATION);
    const draft = await json(await call(ctx, 'POST', `${base}/2025/draft`, await bendahara()));
    expect(draft).toMatchObject({ shu: -150_000, loss: true, pools: { cadangan: 0, jasaUsaha: 0 } });
    expect(draft.members[0]).toMatchObject({ memberId: 'mbr_a', transactions: 100_000, total: 0 });
    const res = await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'SHU.LOSS', details: { shu: -150_000 } });
    expect(ctx.journal.rows.has('je_shu-approve-karangbesuki-2025')).toBe(false);
  });
});

describe('GET /cooperatives/{cooperativeId}/shu/{year} and the years', () => {
  it('the board and the pengawas read every member’s line; a kasir or a member may not', async () => {
    const { ctx } = await drafted();
    const res = await call(ctx, 'GET', `${base}/2025`, await pengawas());
    expect(res.status).toBe(200);
    expect((await json(res)).members).toHaveLength(3);
    expect((await call(ctx, 'GET', `${base}/2025`, await staffHeaders(COOP, ['kasir']))).status).toBe(403);
    expect((await call(ctx, 'GET', `${base}/2025`, await anggota('per_ani'))).status).toBe(403);
    expect((await call(ctx, 'GET', `${base}/2025`, await otherKetua())).status).toBe(404);
    expect((await call(ctx, 'GET', `${base}/2025`, {})).status).toBe(401);
    const missing = await call(ctx, 'GET', `${base}/2024`, await pengawas());
    expect(missing.status).toBe(404);
    expect((await json(missing)).code).toBe('SHU.NOT_FOUND');
  });

  it('lists the years: all for the board, only approved ones for a member', async () => {
    const { ctx } = await drafted();
    const board = await json(await call(ctx, 'GET', base, await pengawas()));
    expect(board.items).toEqual([{ year: 2025, status: 'draft', shu: 800_000, ratDate: null }]);
    expect((await json(await call(ctx, 'GET', base, await anggota('per_ani')))).items).toEqual([]);
    await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    expect((await json(await call(ctx, 'GET', base, await anggota('per_ani')))).items).toEqual([
      { year: 2025, status: 'approved', shu: 800_000, ratDate: '2026-02-21' },
    ]);
    expect((await call(ctx, 'GET', base, await staffHeaders(COOP, ['kasir']))).status).toBe(403);
  });
});

describe('GET /cooperatives/{cooperativeId}/shu/{year}/mine', () => {
  it('gives a member only their own line and the pools, once the RAT approved it', async () => {
    const { ctx } = await drafted();
    const early = await call(ctx, 'GET', `${base}/2025/mine`, await anggota('per_budi'));
    expect(early.status).toBe(404);
    await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    const res = await call(ctx, 'GET', `${base}/2025/mine`, await anggota('per_budi'));
    expect(res.status).toBe(200);
    const mine = await json(res);
    expect(mine).toMatchObject({
      status: 'approved',
      shu: 800_000,
      ratDate: '2026-02-21',
      pools: { jasaModal: 160_000, jasaUsaha: 240_000 },
      member: {
        memberId: 'mbr_b',
        savings: 200_000,
        transactions: 250_000,
        jasaModal: 53_333,
        jasaUsaha: 120_000,
        total: 173_333,
      },
    });
    const text = JSON.stringify(mine);
    for (const other of ['mbr_a', 'mbr_c', 'Bu Ani', 'Bu Citra', '152000', '74667'])
      expect(text).not.toContain(other);
  });

  it('answers 404 to an account that is no member here, 403 to staff who are not members', async () => {
    const { ctx } = await approved();
    const stranger = await call(ctx, 'GET', `${base}/2025/mine`, await anggota('per_nobody'));
    expect(stranger.status).toBe(404);
    expect((await json(stranger)).code).toBe('SHU.NOT_A_MEMBER');
    // Pak Dedi joined in 2026: a member, with no line for 2025.
    expect((await json(await call(ctx, 'GET', `${base}/2025/mine`, await anggota('per_dedi')))).member).toBe(
      null,
    );
    expect((await call(ctx, 'GET', `${base}/2025/mine`, await pengawas())).status).toBe(403);
    expect(
      (
        await call(
          ctx,
          'GET',
          `${base}/2025/mine`,
          await staffHeaders('dinoyo', ['anggota'], { personId: 'per_ani' }),
        )
      ).status,
    ).toBe(404);
  });
});

describe('POST /cooperatives/{cooperativeId}/shu/{year}/approve', () => {
  it('posts the appropriation once: Dr SHU tahun berjalan, Cr cadangan and dana SHU yang belum dibagi', async () => {
    const { ctx } = await approved();
    const run = await json(await call(ctx, 'GET', `${base}/2025`, await pengawas()));
    expect(run).toMatchObject({
      status: 'approved',
      ratDate: '2026-02-21',
      approvedBy: 'per_ketua',
      approvalEntryId: 'je_shu-approve-karangbesuki-2025',
    });
    const entry = ctx.journal.rows.get('je_shu-approve-karangbesuki-2025');
    expect(entry).toMatchObject({ kind: 'shu_allocated', period: '2026-03', approvedBy: 'per_ketua' });
    expect(entry?.memo).toContain('2026-02-21');
    expect(entry?.lines).toEqual([
      { account: '3-3100', debit: 800_000, credit: 0 },
      { account: '3-2100', debit: 0, credit: 200_000 },
      { account: '2-1300', debit: 0, credit: 600_000 },
    ]);
    expect(ctx.shu.events.map((e) => (e.data as { action: string }).action)).toContain('ledger.shu.approved');
    const again = await call(ctx, 'POST', `${base}/2025/approve`, await bendahara(), {
      ratDate: '2026-02-21',
    });
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('SHU.NOT_DRAFT');
    expect([...ctx.journal.rows.keys()].filter((id) => id.startsWith('je_shu-'))).toHaveLength(1);
    const nb = await balanceSheet(ctx);
    expect(nb.balanced).toBe(true);
    expect(nb.ekuitas.find((r: { code: string }) => r.code === '3-2100').balance).toBe(200_000);
  });

  it.each([
    ['on the last day of the year', '2025-12-31', 'must be after the end of 2025'],
    ['in the future', '2026-03-16', 'must not be in the future'],
    ['not a date', '21-02-2026', 'must be a date YYYY-MM-DD'],
  ])('refuses a RAT date %s, naming ratDate', async (_what, ratDate, message) => {
    const { ctx } = await drafted();
    const res = await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate });
    expect(res.status).toBe(400);
    expect((await json(res)).details.issues).toEqual([{ field: 'ratDate', message }]);
  });

  it('is the ketua’s or the bendahara’s; nothing to approve is 404', async () => {
    const { ctx } = await drafted();
    const body = { ratDate: '2026-02-21' };
    const sek = await call(ctx, 'POST', `${base}/2025/approve`, await sekretaris(), body);
    expect(sek.status).toBe(403);
    expect((await json(sek)).code).toBe('SHU.POSITION_REQUIRED');
    expect((await call(ctx, 'POST', `${base}/2025/approve`, await pengawas(), body)).status).toBe(403);
    expect((await call(ctx, 'POST', `${base}/2025/approve`, await otherKetua(), body)).status).toBe(404);
    expect((await call(ctx, 'POST', `${base}/2024/approve`, await ketua(), body)).status).toBe(404);
    expect((await call(ctx, 'POST', `${base}/2025/approve`, await bendahara(), body)).status).toBe(200);
  });

  it('finishes an approval its approver left half done, posting once; another pengurus is told to wait', async () => {
    const { ctx } = await drafted();
    // A crash after the claim: the run says approving, no entry was posted yet.
    await ctx.shu.transition(
      COOP,
      2025,
      'draft',
      1,
      { status: 'approving', approvedBy: 'per_ketua', ratDate: '2026-02-20' },
      [],
    );
    const other = await call(ctx, 'POST', `${base}/2025/approve`, await bendahara(), {
      ratDate: '2026-02-21',
    });
    expect(other.status).toBe(409);
    expect((await json(other)).code).toBe('SHU.IN_PROGRESS');
    const res = await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    expect(res.status).toBe(200);
    expect((await json(res)).ratDate).toBe('2026-02-20');
    expect(ctx.journal.rows.get('je_shu-approve-karangbesuki-2025')?.lines[0]?.debit).toBe(800_000);
  });
});

describe('POST /cooperatives/{cooperativeId}/shu/{year}/distribute', () => {
  it('credits the members’ JM + JU to sukarela once, and publishes ShuDistributed from the outbox', async () => {
    const { ctx } = await approved();
    const res = await call(ctx, 'POST', `${base}/2025/distribute`, await bendahara(), { to: 'sukarela' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      status: 'distributed',
      distribution: {
        to: 'sukarela',
        by: 'per_bendahara',
        total: 400_000,
        entryId: 'je_shu-distribute-karangbesuki-2025',
      },
    });
    expect(ctx.journal.rows.get('je_shu-distribute-karangbesuki-2025')?.lines).toEqual([
      { account: '2-1300', debit: 400_000, credit: 0 },
      { account: '2-1200', debit: 0, credit: 400_000 },
    ]);
    const published = ctx.shu.events.filter((e) => e.type === ShuDistributed.type);
    expect(published).toHaveLength(1);
    expect(ShuDistributed.envelope.parse(published[0]).data).toMatchObject({
      cooperativeId: COOP,
      year: 2025,
      shuId: `${COOP}:2025`,
      to: 'sukarela',
      total: 400_000,
      members: [
        { memberId: 'mbr_a', amount: 152_000 },
        { memberId: 'mbr_b', amount: 173_333 },
        { memberId: 'mbr_c', amount: 74_667 },
      ],
      distributedBy: 'per_bendahara',
    });
    const again = await call(ctx, 'POST', `${base}/2025/distribute`, await bendahara(), { to: 'cash' });
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('SHU.ALREADY_DISTRIBUTED');
    expect(ctx.shu.events.filter((e) => e.type === ShuDistributed.type)).toHaveLength(1);
    // The books after: balanced; sukarela 500.000 + 400.000; the funds' 200.000 still in dana SHU.
    const tb = await trialBalance(ctx);
    expect(tb.balanced).toBe(true);
    const nb = await balanceSheet(ctx);
    expect(nb.balanced).toBe(true);
    const row = (code: string) => nb.kewajiban.find((r: { code: string }) => r.code === code)?.balance;
    expect(row('2-1200')).toBe(900_000);
    expect(row('2-1300')).toBe(200_000);
  });

  it.each([
    ['cash', '1-1100'],
    ['transfer', '1-1200'],
  ])('pays out in %s from %s', async (to, account) => {
    const { ctx } = await approved();
    expect((await call(ctx, 'POST', `${base}/2025/distribute`, await bendahara(), { to })).status).toBe(200);
    expect(ctx.journal.rows.get('je_shu-distribute-karangbesuki-2025')?.lines).toEqual([
      { account: '2-1300', debit: 400_000, credit: 0 },
      { account, debit: 0, credit: 400_000 },
    ]);
  });

  it('refuses before the RAT approved it, another target, and anyone but the bendahara', async () => {
    const { ctx } = await drafted();
    const early = await call(ctx, 'POST', `${base}/2025/distribute`, await bendahara(), { to: 'sukarela' });
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('SHU.NOT_APPROVED');
    await call(ctx, 'POST', `${base}/2025/approve`, await ketua(), { ratDate: '2026-02-21' });
    const bogus = await call(ctx, 'POST', `${base}/2025/distribute`, await bendahara(), { to: 'gopay' });
    expect(bogus.status).toBe(400);
    expect((await json(bogus)).details.issues[0].field).toBe('to');
    expect(
      (await call(ctx, 'POST', `${base}/2025/distribute`, await ketua(), { to: 'sukarela' })).status,
    ).toBe(403);
    expect(
      (await call(ctx, 'POST', `${base}/2025/distribute`, await pengawas(), { to: 'sukarela' })).status,
    ).toBe(403);
    expect(
      (await call(ctx, 'POST', `${base}/2024/distribute`, await bendahara(), { to: 'sukarela' })).status,
    ).toBe(404);
    expect(ctx.journal.rows.has('je_shu-distribute-karangbesuki-2025')).toBe(false);
  });
});

describe('the RAT pack', () => {
  it('is a PDF that opens, with the figures and the charts', async () => {
    const { ctx } = await approved();
    const res = await call(ctx, 'GET', `${base}/2025/rat-pack.pdf`, await pengawas());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('paket-rat-karangbesuki-2025.pdf');
    const pdf = pdfFacts(Buffer.from(await res.arrayBuffer()));
    expect(pdf.header).toMatch(/^%PDF-1\.\d$/);
    expect(pdf.endsWithEof).toBe(true);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    expect(pdf.pages).toBe(pdf.pageCountInTree);
    for (const text of [
      'Neraca per 31 Desember 2025',
      'Laporan Laba Rugi (Perhitungan SHU) Tahun 2025',
      'Pembagian SHU menurut AD/ART',
      'Daftar SHU per Anggota',
      'Ringkasan Simpanan Anggota',
      'Perubahan Jumlah Anggota',
      'Grafik penjualan per bulan, 2025',
      'Grafik simpanan anggota per akhir bulan, 2025',
      'Pak Budi',
      'Rp 173.333',
      'Rp 800.000',
      'Disahkan RAT',
    ])
      expect(pdf.text, text).toContain(text);
    // The charts: twelve bars each (filled rectangles) at least for the months with figures.
    expect(pdf.rectangles).toBeGreaterThanOrEqual(12);
  });

  it('is a CSV of sections: allocation, members, savings, member count, months', async () => {
    const { ctx } = await approved();
    const res = await call(ctx, 'GET', `${base}/2025/rat-pack.csv`, await bendahara());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines).toContain('Pembagian SHU menurut AD/ART');
    expect(lines).toContain('Jasa modal (JM) untuk anggota,20 %,160000');
    expect(lines).toContain('mbr_b,Pak Budi,200000,250000,53333,120000,173333');
    expect(lines).toContain('3 anggota,Jumlah,600000,500000,160000,240000,400000');
    expect(lines).toContain('Simpanan pokok,100000,200000,0,300000');
    expect(lines).toContain('Simpanan wajib,0,300000,0,300000');
    expect(lines).toContain('Simpanan sukarela,0,500000,0,500000');
    expect(lines).toContain('Anggota awal tahun 2025,1');
    expect(lines).toContain('Anggota masuk tahun 2025,2');
    expect(lines).toContain('Anggota akhir tahun 2025,3');
    expect(lines).toContain('Desember 2025,0,1100000');
    expect(lines).toContain('Jumlah penjualan,955000,');
  });

  it('is for the board and the pengawas only; a year without a run is 404', async () => {
    const { ctx } = await drafted();
    expect((await call(ctx, 'GET', `${base}/2025/rat-pack.pdf`, await anggota('per_ani'))).status).toBe(403);
    expect((await call(ctx, 'GET', `${base}/2025/rat-pack.csv`, await otherKetua())).status).toBe(404);
    expect((await call(ctx, 'GET', `${base}/2024/rat-pack.pdf`, await pengawas())).status).toBe(404);
  });
});
