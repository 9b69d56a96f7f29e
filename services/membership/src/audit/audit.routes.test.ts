import type { CooperativeGrant } from '@pasar/contracts';
import { auditEvent, routeTable } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { pdpApp } from '../privacy/testing';
import { json } from '../testing/fakes';
import { auditRecordedHandler } from './audit-recorded.handler';

const grant = (cooperativeId: string, roles: CooperativeGrant['roles']) =>
  ({ cooperativeId, roles }) as CooperativeGrant;

function restocked(cooperativeId: string, minute: number, productId = `prd_${minute}`) {
  return auditEvent({
    cooperativeId,
    principal: 'system',
    action: 'catalog.product.restocked',
    target: { type: 'product', id: productId },
    after: { available: minute },
    at: new Date(Date.UTC(2026, 10, 30, 8, minute)),
  });
}

async function withEntries() {
  const t = await pdpApp();
  for (let m = 1; m <= 5; m++) await t.audit.store(restocked('karangbesuki', m));
  await t.audit.store(restocked('dinoyo', 9, 'prd_dinoyo'));
  await t.audit.record({
    cooperativeId: 'karangbesuki',
    principal: 'operator',
    action: 'membership.role.assigned',
    target: { type: 'person', id: 'psn_1' },
    at: new Date(Date.UTC(2026, 10, 30, 7, 0)),
  });
  const pengawas = await t.bearer({ personId: 'psn_pw', grants: [grant('karangbesuki', ['pengawas'])] });
  return { ...t, pengawas };
}

describe('GET /cooperatives/:id/audit', () => {
  it('pages newest first with an opaque cursor and never shows another cooperative', async () => {
    const t = await withEntries();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await t.app.request(`/cooperatives/karangbesuki/audit${q}`, { headers: t.pengawas });
      expect(res.status).toBe(200);
      const body = await json(res);
      seen.push(...body.items.map((e: { target: { id: string } }) => e.target.id));
      expect(body.items.every((e: { cooperativeId: string }) => e.cooperativeId === 'karangbesuki')).toBe(
        true,
      );
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['prd_5', 'prd_4', 'prd_3', 'prd_2', 'prd_1', 'psn_1']);
  });

  it("names the actor by the person's current name; jobs and unknown ids have none", async () => {
    const t = await withEntries();
    t.people.add({ personId: 'psn_gudang', name: 'Mas Andi (Gudang)', phone: '+6281100000106', grants: [] });
    await t.audit.store(
      auditEvent({
        cooperativeId: 'karangbesuki',
        principal: { personId: 'psn_gudang', roles: ['gudang'] },
        action: 'catalog.product.restocked',
        target: { type: 'product', id: 'prd_named' },
        at: new Date(Date.UTC(2026, 10, 30, 9, 0)),
      }),
    );
    const body = await json(
      await t.app.request('/cooperatives/karangbesuki/audit?limit=2', { headers: t.pengawas }),
    );
    expect(
      body.items.map((e: { actorId: string; actorName: string | null }) => [e.actorId, e.actorName]),
    ).toEqual([
      ['psn_gudang', 'Mas Andi (Gudang)'],
      ['system', null],
    ]);
  });

  it('filters by action', async () => {
    const t = await withEntries();
    const res = await t.app.request('/cooperatives/karangbesuki/audit?action=membership.role.assigned', {
      headers: t.pengawas,
    });
    const body = await json(res);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({ action: 'membership.role.assigned', actorId: 'operator' });
  });

  it('takes every cursor of the documented pattern as a position: an unknown one gives the entries older than it', async () => {
    const t = await withEntries();
    const page = async (cursor: string) => {
      const res = await t.app.request(
        `/cooperatives/karangbesuki/audit?cursor=${encodeURIComponent(cursor)}`,
        {
          headers: t.pengawas,
        },
      );
      expect(res.status, cursor).toBe(200);
      return (await json(res)).items.map((e: { target: { id: string } }) => e.target.id);
    };
    expect(await page('999999999999999.zzz')).toEqual(['prd_5', 'prd_4', 'prd_3', 'prd_2', 'prd_1', 'psn_1']);
    expect(await page(`${Date.UTC(2026, 10, 30, 8, 3)}.0`)).toEqual(['prd_2', 'prd_1', 'psn_1']);
    expect(await page('0.0')).toEqual([]);
    expect(await page(`000000000000000.${'_'.repeat(64)}`)).toEqual([]);
  });

  it('400 names a bad cursor, limit or action', async () => {
    const t = await withEntries();
    const forged = Buffer.from(JSON.stringify({ at: 'yesterday', id: 'x' })).toString('base64url');
    for (const [q, field] of [
      [`cursor=${forged}`, 'query.cursor'],
      ['cursor=%%%', 'query.cursor'],
      ['cursor=1767340800000', 'query.cursor'],
      ['cursor=1767340800000.abc%0A', 'query.cursor'],
      ['cursor=1767340800000.a.b', 'query.cursor'],
      [`cursor=1234567890123456.a`, 'query.cursor'],
      ['limit=0', 'query.limit'],
      ['limit=201', 'query.limit'],
      ['limit=abc', 'query.limit'],
      ['action=DROP', 'query.action'],
    ] as const) {
      const res = await t.app.request(`/cooperatives/karangbesuki/audit?${q}`, { headers: t.pengawas });
      expect(res.status, q).toBe(400);
      expect((await json(res)).details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
  });

  it('lets pengurus and pengawas in; kasir 403, anonymous 401, another cooperative 404', async () => {
    const t = await withEntries();
    const url = '/cooperatives/karangbesuki/audit';
    const as = async (grants: CooperativeGrant[]) =>
      (await t.app.request(url, { headers: await t.bearer({ personId: 'p', grants }) })).status;
    expect(await as([grant('karangbesuki', ['pengurus'])])).toBe(200);
    expect(await as([grant('karangbesuki', ['pengawas'])])).toBe(200);
    expect(await as([grant('karangbesuki', ['kasir', 'anggota'])])).toBe(403);
    expect(await as([grant('dinoyo', ['pengurus'])])).toBe(404);
    expect((await t.app.request(url)).status).toBe(401);
  });

  it('declares its rules in the route table', async () => {
    const t = await pdpApp();
    const table = routeTable(t.app);
    const rule = (p: string) => table.find((r) => r.path === p)?.access;
    expect(rule('/cooperatives/{cooperativeId}/audit')).toEqual({
      allow: ['pengurus', 'pengawas'],
      scope: 'path',
    });
    expect(rule('/cooperatives/{cooperativeId}/members/{memberId}/nik')).toEqual({
      allow: ['pengurus'],
      scope: 'path',
    });
    expect(rule('/me/export')).toEqual({ allow: ['signed-in'] });
    expect(rule('/me/erasure')).toEqual({ allow: ['signed-in'] });
  });
});

describe('AuditRecorded handler', () => {
  it('stores an entry once however often it is delivered, redacting what a producer forgot', async () => {
    const t = await pdpApp();
    const handle = auditRecordedHandler({ audit: t.audit, logger: t.deps.logger });
    const evt = restocked('karangbesuki', 1);
    (evt.data.after as Record<string, unknown>).pickupCode = '4821';
    await handle(evt);
    await handle(evt);
    expect(t.entries.all()).toHaveLength(1);
    expect(t.entries.all()[0]).toMatchObject({
      id: evt.id,
      after: { available: 1 },
      source: 'urn:pasar:catalog',
    });
    expect(t.entries.all()[0]?.after).not.toHaveProperty('pickupCode');
  });
});
