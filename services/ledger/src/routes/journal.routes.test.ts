import { describe, expect, it } from 'vitest';
import { fakeApp, json, staffHeaders } from '../testing/fakes';
import { ev } from '../testing/builders';
import { recordBusinessEvent } from '../use-cases/record-business-event';

const COOP = 'karangbesuki';
const bendahara = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bendahara' });

async function withSale() {
  const ctx = fakeApp();
  const { entry } = await recordBusinessEvent(ctx.deps, ev.cashSale('2026-03-02T02:00:00Z', 45_000));
  return { ...ctx, entry };
}
const reverse = async (
  ctx: Awaited<ReturnType<typeof withSale>>,
  entryId: string,
  headers: object,
  memo = 'Salah catat: pesanan ganda',
) =>
  ctx.app.request(`/cooperatives/${COOP}/journal/${entryId}/reverse`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ memo }),
  });

describe('POST /cooperatives/{cooperativeId}/journal/{entryId}/reverse', () => {
  it('corrects an entry with its reversing entry, booked today; the original stays as it was', async () => {
    const ctx = await withSale();
    const before = structuredClone(ctx.journal.rows.get(ctx.entry.entryId));
    const res = await reverse(ctx, ctx.entry.entryId, await bendahara());
    expect(res.status).toBe(201);
    const reversal = await json(res);
    expect(reversal).toMatchObject({
      kind: 'reversal',
      reverses: ctx.entry.entryId,
      period: '2026-03',
      memo: 'Salah catat: pesanan ganda',
      lines: [
        { account: '1-1100', debit: 0, credit: 45_000 },
        { account: '4-1100', debit: 45_000, credit: 0 },
      ],
    });
    expect(ctx.journal.rows.get(ctx.entry.entryId)).toEqual(before);
    expect(ctx.journal.events.map((e) => (e.data as { action: string }).action)).toEqual([
      'ledger.entry.reversed',
    ]);
  });

  it('reverses an entry once, and never a reversal', async () => {
    const ctx = await withSale();
    const first = await json(await reverse(ctx, ctx.entry.entryId, await bendahara()));
    const again = await reverse(ctx, ctx.entry.entryId, await bendahara());
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('LEDGER.ALREADY_REVERSED');
    const ofReversal = await reverse(ctx, first.entryId, await bendahara());
    expect(ofReversal.status).toBe(409);
    expect((await json(ofReversal)).code).toBe('LEDGER.REVERSAL_NOT_REVERSIBLE');
    expect(ctx.journal.rows.size).toBe(2);
  });

  it('is the bendahara’s: the ketua and the pengawas are refused, another cooperative sees nothing', async () => {
    const ctx = await withSale();
    expect(
      (await reverse(ctx, ctx.entry.entryId, await staffHeaders(COOP, ['pengurus'], { position: 'ketua' })))
        .status,
    ).toBe(403);
    expect((await reverse(ctx, ctx.entry.entryId, await staffHeaders(COOP, ['pengawas']))).status).toBe(403);
    const other = await staffHeaders('dinoyo', ['pengurus'], { position: 'bendahara' });
    const res = await ctx.app.request(`/cooperatives/dinoyo/journal/${ctx.entry.entryId}/reverse`, {
      method: 'POST',
      headers: { ...other, 'content-type': 'application/json' },
      body: JSON.stringify({ memo: 'Coba-coba' }),
    });
    expect(res.status).toBe(404);
    expect(ctx.journal.rows.size).toBe(1);
  });
});

describe('nothing in the journal can be edited or deleted', () => {
  it('has no route that changes or removes an entry: every such call is refused (404/405), and the entry is unchanged', async () => {
    const ctx = await withSale();
    const before = structuredClone(ctx.journal.rows.get(ctx.entry.entryId));
    const headers = { ...(await bendahara()), 'content-type': 'application/json' };
    const body = JSON.stringify({ memo: 'diubah', lines: [] });
    for (const method of ['DELETE', 'PUT', 'PATCH'])
      for (const path of [
        `/cooperatives/${COOP}/journal/${ctx.entry.entryId}`,
        `/cooperatives/${COOP}/journal`,
        `/cooperatives/${COOP}/manual-entries`,
      ]) {
        const res = await ctx.app.request(path, { method, headers, body });
        // 405 where the path has other methods (GET/POST), 404 where it has none.
        expect([404, 405], `${method} ${path}: ${res.status}`).toContain(res.status);
      }
    expect(ctx.journal.rows.get(ctx.entry.entryId)).toEqual(before);
  });

  it('documents only reads and posts on the books: nothing deletes or patches; the one put is the SHU allocation (a setting)', async () => {
    const { app } = fakeApp();
    const doc = await json(await app.request('/openapi.json'));
    const ops = Object.entries<Record<string, unknown>>(doc.paths).flatMap(([path, o]) =>
      Object.keys(o).map((method) => `${method} ${path}`),
    );
    expect(new Set(ops.map((o) => o.split(' ')[0]))).toEqual(new Set(['get', 'post', 'put']));
    expect(ops.filter((o) => !/^(get|post) /.test(o))).toEqual([
      'put /cooperatives/{cooperativeId}/shu/allocation',
    ]);
  });

  it('offers the journal repository no method to update or delete', async () => {
    const { journal } = fakeApp();
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(journal)).filter(
      (m) => m !== 'constructor',
    );
    expect(methods.sort()).toEqual(['findById', 'insert', 'list']);
  });
});

describe('GET /cooperatives/{cooperativeId}/journal/{entryId} and /accounts', () => {
  it('shows an entry to the pengawas; another cooperative gets 404', async () => {
    const ctx = await withSale();
    const url = (coop: string) => `/cooperatives/${coop}/journal/${ctx.entry.entryId}`;
    const res = await ctx.app.request(url(COOP), { headers: await staffHeaders(COOP, ['pengawas']) });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ entryId: ctx.entry.entryId, kind: 'order_handed_over' });
    const other = await ctx.app.request(url('dinoyo'), {
      headers: await staffHeaders('dinoyo', ['pengawas']),
    });
    expect(other.status).toBe(404);
  });

  it('lists the chart of accounts to a signed-in person, not to an anonymous one', async () => {
    const { app } = fakeApp();
    expect((await app.request('/accounts')).status).toBe(401);
    const res = await app.request('/accounts', { headers: await staffHeaders(COOP, ['kasir']) });
    expect(res.status).toBe(200);
    const codes = (await json(res)).items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(
      expect.arrayContaining(['1-1100', '2-1100', '2-1200', '3-1100', '3-1200', '4-1200', '5-1100']),
    );
  });
});
