import { describe, expect, it } from 'vitest';
import { A } from '../domain/accounts';
import { cr, dr } from '../domain/journal';
import { formatRupiah } from '../reports/pdf';
import { ev } from '../testing/builders';
import { dinasHeaders, fakeApp, json, staffHeaders } from '../testing/fakes';
import { recordBusinessEvent } from '../use-cases/record-business-event';

const COOP = 'karangbesuki';

/**
 * January: simpanan pokok Rp 100.000 and wajib Rp 30.000 in cash. February: a cash sale of
 * Rp 45.000 with Rp 5.000 delivery, an online order of Rp 60.000 paid then handed over, and the
 * electricity bill of Rp 20.000 paid from the till.
 */
async function books() {
  const ctx = fakeApp();
  for (const e of [
    ev.deposit('2026-01-10T03:00:00Z', 'pokok', 100_000),
    ev.deposit('2026-01-10T03:05:00Z', 'wajib', 30_000),
    ev.cashSale('2026-02-05T03:00:00Z', 45_000, 5_000),
    ev.onlineCapture('2026-02-06T03:00:00Z', 60_000),
    ev.onlineHandover('2026-02-07T03:00:00Z', 60_000),
  ])
    await recordBusinessEvent(ctx.deps, e);
  await recordBusinessEvent(ctx.deps, {
    eventId: 'me_listrik',
    cooperativeId: COOP,
    occurredAt: '2026-02-20T03:00:00Z',
    type: 'manual',
    memo: 'Listrik Februari',
    lines: [dr(A.listrik, 20_000), cr(A.kas, 20_000)],
  });
  await recordBusinessEvent(ctx.deps, {
    ...ev.cashSale('2026-02-05T03:00:00Z', 999_000),
    cooperativeId: 'dinoyo',
  });
  return ctx;
}
const get = async (ctx: ReturnType<typeof fakeApp>, path: string, headers?: object) =>
  ctx.app.request(path, {
    headers: { ...(headers ?? (await staffHeaders(COOP, ['pengurus'], { position: 'ketua' }))) },
  });
const report = (name: string, query: string) => `/cooperatives/${COOP}/reports/${name}?${query}`;

describe('reports, checked against the hand-computed books', () => {
  it('neraca saldo at the end of February: debits equal credits, each account as computed', async () => {
    const ctx = await books();
    const r = await json(await get(ctx, report('trial-balance', 'from=2026-02&to=2026-02')));
    expect(
      r.rows.map((x: { code: string; debit: number; credit: number; balance: number }) => [
        x.code,
        x.debit,
        x.credit,
        x.balance,
      ]),
    ).toEqual([
      ['1-1100', 180_000, 20_000, 160_000],
      ['1-1300', 60_000, 0, 60_000],
      ['2-1400', 60_000, 60_000, 0],
      ['3-1100', 0, 100_000, 100_000],
      ['3-1200', 0, 30_000, 30_000],
      ['4-1100', 0, 105_000, 105_000],
      ['4-1300', 0, 5_000, 5_000],
      ['5-2100', 20_000, 0, 20_000],
    ]);
    expect(r).toMatchObject({ asOf: '2026-02', totalDebit: 320_000, totalCredit: 320_000, balanced: true });
  });

  it('laba rugi of February: Rp 110.000 income, Rp 20.000 expense, SHU Rp 90.000; January has none', async () => {
    const ctx = await books();
    const feb = await json(await get(ctx, report('income-statement', 'from=2026-02')));
    expect(feb).toMatchObject({ totalPendapatan: 110_000, totalBeban: 20_000, shu: 90_000 });
    const jan = await json(await get(ctx, report('income-statement', 'to=2026-01')));
    expect(jan).toMatchObject({ totalPendapatan: 0, totalBeban: 0, shu: 0 });
  });

  it('neraca at the end of February: aset Rp 220.000 = ekuitas Rp 130.000 + SHU Rp 90.000', async () => {
    const ctx = await books();
    const r = await json(await get(ctx, report('balance-sheet', 'year=2026')));
    expect(r).toMatchObject({
      totalAset: 220_000,
      totalKewajiban: 0,
      totalEkuitas: 220_000,
      shuBelumDitutup: 90_000,
      balanced: true,
    });
  });

  it('buku besar kas for February: opening Rp 130.000, the sale and the bill, closing Rp 160.000', async () => {
    const ctx = await books();
    const r = await json(await get(ctx, report('general-ledger/1-1100', 'from=2026-02&to=2026-02')));
    expect(r.opening).toBe(130_000);
    expect(
      r.rows.map((x: { debit: number; credit: number; balance: number }) => [x.debit, x.credit, x.balance]),
    ).toEqual([
      [50_000, 0, 180_000],
      [0, 20_000, 160_000],
    ]);
    expect(r.closing).toBe(160_000);
    expect((await get(ctx, report('general-ledger/9-9999', 'year=2026'))).status).toBe(404);
  });

  it('jurnal umum of January lists its two entries, balanced', async () => {
    const ctx = await books();
    const r = await json(await get(ctx, report('journal', 'from=2026-01&to=2026-01')));
    expect(r.entries.map((e: { memo: string }) => e.memo)).toEqual([
      'Setoran simpanan pokok mbr_sri',
      'Setoran simpanan wajib mbr_sri',
    ]);
    expect(r).toMatchObject({ totalDebit: 130_000, totalCredit: 130_000 });
  });
});

describe('closed months in the balance reports', () => {
  it('sums a settled closed month once, keeps its totals, and reads them from then on', async () => {
    const ctx = await books();
    const closedAt = new Date('2026-03-01T01:00:00Z'); // settled by 15 March
    for (const p of ['2026-01', '2026-02'])
      await ctx.deps.periods.close(COOP, p, 'per_bendahara', closedAt, []);
    const before = await json(await get(ctx, report('trial-balance', 'to=2026-02')));
    expect([...ctx.periods.savedTotals.keys()]).toEqual([`${COOP}:2026-01`, `${COOP}:2026-02`]);
    // The kept totals are what later reports read: the month's entries are no longer asked for.
    for (const [id, e] of ctx.journal.rows)
      if (e.cooperativeId === COOP && e.period <= '2026-02') ctx.journal.rows.delete(id);
    const after = await json(await get(ctx, report('trial-balance', 'to=2026-02')));
    expect(after.rows).toEqual(before.rows);
    expect(after).toMatchObject({ totalDebit: 320_000, totalCredit: 320_000, balanced: true });
    expect(await json(await get(ctx, report('income-statement', 'from=2026-02&to=2026-02')))).toMatchObject({
      shu: 90_000,
    });
    expect(await json(await get(ctx, report('balance-sheet', 'to=2026-02')))).toMatchObject({
      totalAset: 220_000,
      balanced: true,
    });
  });

  it('reads the entries of a month closed moments ago (postings it admitted may still be landing)', async () => {
    const ctx = await books();
    await ctx.deps.periods.close(COOP, '2026-02', 'per_bendahara', new Date('2026-03-15T02:59:30Z'), []);
    await get(ctx, report('trial-balance', 'to=2026-02'));
    expect(ctx.periods.savedTotals.size).toBe(0);
  });
});

describe('report formats', () => {
  it('gives CSV with Bahasa Indonesia headings and integer rupiah', async () => {
    const ctx = await books();
    const res = await get(ctx, report('trial-balance', 'to=2026-02&format=csv'));
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('neraca-saldo-karangbesuki-2026-02.csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Kode,Akun,Debit,Kredit,Saldo');
    expect(lines).toContain('1-1100,Kas,180000,20000,160000');
    expect(lines).toContain(',Jumlah,320000,320000,');
  });

  it('defuses a memo that a spreadsheet would run as a formula', async () => {
    const ctx = fakeApp();
    await recordBusinessEvent(ctx.deps, {
      eventId: 'me_x',
      cooperativeId: COOP,
      occurredAt: '2026-02-20T03:00:00Z',
      type: 'manual',
      memo: '=HYPERLINK("http://x")',
      lines: [dr(A.listrik, 1), cr(A.kas, 1)],
    });
    const text = await (await get(ctx, report('journal', 'to=2026-02&format=csv'))).text();
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it.each(['journal', 'general-ledger/1-1100', 'trial-balance', 'income-statement', 'balance-sheet'])(
    'renders %s as a PDF',
    async (name) => {
      const ctx = await books();
      const res = await get(ctx, report(name, 'year=2026&format=pdf'));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await res.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    },
  );

  it('writes rupiah as Rp 1.234.567', () => {
    expect(formatRupiah(1_234_567)).toBe('Rp 1.234.567');
    expect(formatRupiah(0)).toBe('Rp 0');
  });
});

describe('who reads the reports', () => {
  it('lets the pengawas read; refuses a kasir; another cooperative, dinas and anonymous callers get nothing', async () => {
    const ctx = await books();
    const path = report('balance-sheet', 'year=2026');
    expect((await get(ctx, path, await staffHeaders(COOP, ['pengawas']))).status).toBe(200);
    expect((await get(ctx, path, await staffHeaders(COOP, ['kasir']))).status).toBe(403);
    expect(
      (await get(ctx, path, await staffHeaders('dinoyo', ['pengurus'], { position: 'ketua' }))).status,
    ).toBe(404);
    expect((await ctx.app.request(path)).status).toBe(401);
    // dinas holds no role in the cooperative: its books are not there for it (aggregates only).
    expect((await get(ctx, path, await dinasHeaders())).status).toBe(404);
  });

  it('names the query field when the range is wrong', async () => {
    const ctx = await books();
    const both = await json(await get(ctx, report('journal', 'year=2026&from=2026-01')));
    expect(both.details.issues[0].field).toBe('query.year');
    const backwards = await json(await get(ctx, report('journal', 'from=2026-03&to=2026-01')));
    expect(backwards.details.issues[0].field).toBe('query.to');
    const month = await json(await get(ctx, report('journal', 'from=2026-1')));
    expect(month.details.issues[0].field).toBe('query.from');
  });
});

describe('GET /reports/aggregate (dinas)', () => {
  it("gives dinas each cooperative's sales, SHU and savings, with no entry or member in it", async () => {
    const ctx = await books();
    const res = await get(ctx, '/reports/aggregate?year=2026', await dinasHeaders());
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.cooperatives).toEqual([
      {
        cooperativeId: 'dinoyo',
        sales: 999_000,
        shu: 999_000,
        savings: { pokok: 0, wajib: 0, sukarela: 0, total: 0 },
      },
      {
        cooperativeId: COOP,
        sales: 110_000,
        shu: 90_000,
        savings: { pokok: 100_000, wajib: 30_000, sukarela: 0, total: 130_000 },
      },
    ]);
    expect(body.totals).toEqual({ cooperatives: 2, sales: 1_109_000, shu: 1_089_000, savings: 130_000 });
    expect(JSON.stringify(body)).not.toMatch(/mbr_|Listrik|je_/);
  });

  it('is for dinas only', async () => {
    const ctx = await books();
    const res = await get(ctx, '/reports/aggregate?year=2026', await staffHeaders(COOP, ['pengawas']));
    expect(res.status).toBe(403);
  });
});
