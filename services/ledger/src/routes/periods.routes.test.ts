import { describe, expect, it } from 'vitest';
import { fakeApp, json, staffHeaders } from '../testing/fakes';
import { ev } from '../testing/builders';
import { recordBusinessEvent } from '../use-cases/record-business-event';

const COOP = 'karangbesuki';
const bendahara = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bendahara' });
const close = async (ctx: ReturnType<typeof fakeApp>, period: string, headers: Record<string, string>) =>
  ctx.app.request(`/cooperatives/${COOP}/periods/${period}/close`, { method: 'POST', headers });

describe('closing periods', () => {
  it('closes an ended month for the bendahara, once', async () => {
    const ctx = fakeApp(); // today is 15 March 2026
    const res = await close(ctx, '2026-02', await bendahara());
    expect(res.status).toBe(200);
    expect((await json(res)).items).toEqual([
      expect.objectContaining({ period: '2026-02', status: 'closed', closedBy: 'per_bendahara' }),
    ]);
    expect(ctx.periods.events.map((e) => (e.data as { action: string }).action)).toEqual([
      'ledger.period.closed',
    ]);
    const again = await json(await close(ctx, '2026-02', await bendahara()));
    expect(again.items[0].closedAt).toBe(ctx.periods.rows.get(`${COOP}:2026-02`)?.closedAt);
    expect(ctx.periods.events).toHaveLength(1);
  });

  it('closes a whole year as its twelve months', async () => {
    const ctx = fakeApp();
    const res = await close(ctx, '2025', await bendahara());
    expect((await json(res)).items.map((p: { period: string }) => p.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('refuses a month that has not ended', async () => {
    const ctx = fakeApp();
    const res = await close(ctx, '2026-03', await bendahara());
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('LEDGER.PERIOD_NOT_ENDED');
    expect((await close(ctx, '2026', await bendahara())).status).toBe(409);
  });

  it('is the bendahara’s; a bad period is a 400 naming it', async () => {
    const ctx = fakeApp();
    expect(
      (await close(ctx, '2026-02', await staffHeaders(COOP, ['pengurus'], { position: 'ketua' }))).status,
    ).toBe(403);
    const bad = await close(ctx, '2026-13', await bendahara());
    expect(bad.status).toBe(400);
    expect((await json(bad)).details.issues[0].field).toBe('param.period');
  });

  it('books a late event in the first open month, naming the month it belonged to', async () => {
    const ctx = fakeApp();
    await close(ctx, '2026-01', await bendahara());
    await close(ctx, '2026-02', await bendahara());
    const { entry } = await recordBusinessEvent(
      ctx.deps,
      ev.deposit('2026-01-20T03:00:00Z', 'wajib', 10_000),
    );
    expect(entry).toMatchObject({ period: '2026-03', lateFor: '2026-01' });
    const list = await json(
      await ctx.app.request(`/cooperatives/${COOP}/periods`, {
        headers: await staffHeaders(COOP, ['pengawas']),
      }),
    );
    expect(list.items.map((p: { period: string; status: string }) => `${p.period} ${p.status}`)).toEqual([
      '2026-01 closed',
      '2026-02 closed',
      '2026-03 open',
    ]);
  });
});
