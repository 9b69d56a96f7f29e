import { describe, expect, it } from 'vitest';
import { fakeApp, json, staffHeaders } from '../testing/fakes';

const COOP = 'karangbesuki';
const url = `/cooperatives/${COOP}/manual-entries`;
const bendahara = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bendahara' });
const ketua = () => staffHeaders(COOP, ['pengurus'], { position: 'ketua', personId: 'per_ketua' });
const electricity = {
  memo: 'Listrik gerai Februari',
  occurredAt: '2026-02-27T10:00:00+07:00',
  lines: [
    { account: '5-2100', debit: 350_000, credit: 0 },
    { account: '1-1100', debit: 0, credit: 350_000 },
  ],
};
const post = async (app: ReturnType<typeof fakeApp>['app'], path: string, headers: object, body?: unknown) =>
  app.request(path, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function proposed() {
  const ctx = fakeApp();
  const res = await post(ctx.app, url, await bendahara(), electricity);
  expect(res.status).toBe(201);
  return { ...ctx, entry: await json(res) };
}

describe('POST /cooperatives/{cooperativeId}/manual-entries', () => {
  it('keeps the bendahara’s entry pending, outside the journal, and audits it', async () => {
    const { entry, journal, manualEntries } = await proposed();
    expect(entry).toMatchObject({
      status: 'pending',
      proposedBy: 'per_bendahara',
      entryId: null,
      memo: electricity.memo,
    });
    expect(journal.rows.size).toBe(0);
    expect(manualEntries.events.map((e) => (e.data as { action: string }).action)).toEqual([
      'ledger.manual-entry.proposed',
    ]);
  });

  it.each([
    ['the ketua', ['pengurus'], 'ketua', 403],
    ['a kasir', ['kasir'], undefined, 403],
    ['a pengawas', ['pengawas'], undefined, 403],
  ] as const)('refuses %s (only the bendahara records money)', async (_who, roles, position, status) => {
    const { app } = fakeApp();
    const res = await post(
      app,
      url,
      await staffHeaders(COOP, [...roles], position ? { position } : {}),
      electricity,
    );
    expect(res.status).toBe(status);
  });

  it("answers another cooperative's bendahara as if nothing were there", async () => {
    const { app } = fakeApp();
    const res = await post(
      app,
      url,
      await staffHeaders('dinoyo', ['pengurus'], { position: 'bendahara' }),
      electricity,
    );
    expect(res.status).toBe(404);
  });

  it.each([
    [
      'unbalanced',
      [
        { account: '5-2100', debit: 350_000, credit: 0 },
        { account: '1-1100', debit: 0, credit: 300_000 },
      ],
      /350000.*300000/,
    ],
    [
      'an unknown account',
      [
        { account: '9-9999', debit: 1, credit: 0 },
        { account: '1-1100', debit: 0, credit: 1 },
      ],
      /9-9999/,
    ],
    [
      'both sides on one line',
      [
        { account: '5-2100', debit: 5, credit: 5 },
        { account: '1-1100', debit: 0, credit: 0 },
      ],
      /.+/,
    ],
  ])('refuses %s lines with a 400 naming the lines', async (_what, lines, message) => {
    const { app } = fakeApp();
    const res = await post(app, url, await bendahara(), { ...electricity, lines });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.details.issues[0].field).toBe('lines');
    expect(body.details.issues[0].message).toMatch(message);
  });

  it('refuses fractional rupiah and a missing memo, naming each field', async () => {
    const { app } = fakeApp();
    const res = await post(app, url, await bendahara(), {
      occurredAt: electricity.occurredAt,
      lines: [
        { account: '5-2100', debit: 1.5, credit: 0 },
        { account: '1-1100', debit: 0, credit: 1.5 },
      ],
    });
    expect(res.status).toBe(400);
    const fields = (await json(res)).details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['memo', 'lines.0.debit', 'lines.1.credit']));
  });

  it('refuses an entry dated in the future, naming occurredAt', async () => {
    const { app } = fakeApp(); // today is 15 March 2026
    const res = await post(app, url, await bendahara(), {
      ...electricity,
      occurredAt: '2026-04-01T10:00:00+07:00',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).details.issues[0].field).toBe('occurredAt');
  });

  it('refuses a month that is closed, naming it', async () => {
    const { app, deps } = fakeApp();
    await deps.periods.close(COOP, '2026-02', 'per_bendahara', new Date(), []);
    const res = await post(app, url, await bendahara(), electricity);
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'LEDGER.PERIOD_CLOSED', details: { period: '2026-02' } });
  });
});

describe('approving and rejecting a manual entry', () => {
  it('posts it when a second pengurus approves, with both names on the entry', async () => {
    const { app, entry, journal } = await proposed();
    const res = await post(app, `${url}/${entry.id}/approve`, await ketua());
    expect(res.status).toBe(200);
    const approved = await json(res);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'per_ketua', entryId: `je_${entry.id}` });
    expect(journal.rows.get(`je_${entry.id}`)).toMatchObject({
      kind: 'manual',
      period: '2026-02',
      proposedBy: 'per_bendahara',
      approvedBy: 'per_ketua',
      lines: electricity.lines,
    });
  });

  it('refuses the proposer approving their own entry', async () => {
    const { app, entry, journal } = await proposed();
    const res = await post(app, `${url}/${entry.id}/approve`, await bendahara());
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('LEDGER.SECOND_PENGURUS_REQUIRED');
    expect(journal.rows.size).toBe(0);
  });

  it('approves once: a second approval is refused and posts nothing more', async () => {
    const { app, entry, journal } = await proposed();
    await post(app, `${url}/${entry.id}/approve`, await ketua());
    const again = await post(
      app,
      `${url}/${entry.id}/approve`,
      await staffHeaders(COOP, ['pengurus'], { position: 'sekretaris', personId: 'per_sekretaris' }),
    );
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('LEDGER.MANUAL_ENTRY_DECIDED');
    expect(journal.rows.size).toBe(1);
  });

  it('rejects with a reason; a rejected entry is never posted', async () => {
    const { app, entry, journal } = await proposed();
    const res = await post(app, `${url}/${entry.id}/reject`, await ketua(), {
      reason: 'Nota listrik belum ada',
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'rejected', rejectReason: 'Nota listrik belum ada' });
    expect((await post(app, `${url}/${entry.id}/approve`, await ketua())).status).toBe(409);
    expect(journal.rows.size).toBe(0);
  });

  it('refuses to approve into a month closed since the proposal, and leaves it pending', async () => {
    const { app, entry, deps, journal } = await proposed();
    await deps.periods.close(COOP, '2026-02', 'per_bendahara', new Date(), []);
    const res = await post(app, `${url}/${entry.id}/approve`, await ketua());
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'LEDGER.PERIOD_CLOSED', details: { period: '2026-02' } });
    expect(journal.rows.size).toBe(0);
    expect((await deps.manualEntries.findById(entry.id))?.status).toBe('pending');
  });

  it("answers 404 for another cooperative's entry id", async () => {
    const { app, entry } = await proposed();
    const other = await staffHeaders('dinoyo', ['pengurus'], { position: 'ketua' });
    expect((await post(app, `/cooperatives/dinoyo/manual-entries/${entry.id}/approve`, other)).status).toBe(
      404,
    );
  });

  it('lists the pending entries for the board and the pengawas', async () => {
    const { app, entry } = await proposed();
    const res = await app.request(`${url}?status=pending`, {
      headers: await staffHeaders(COOP, ['pengawas']),
    });
    expect(res.status).toBe(200);
    expect((await json(res)).items.map((e: { id: string }) => e.id)).toEqual([entry.id]);
  });
});
