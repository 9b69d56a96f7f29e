import { describe, expect, it } from 'vitest';
import { bearer, fakeApp, json, withCooperative as registerCoop } from '../testing/fakes';

let adminHeaders: Record<string, string> = {};
let pengawasHeaders: Record<string, string> = {};
let otherCoopHeaders: Record<string, string> = {};

/** karangbesuki with a signed-in pengurus (adminHeaders), a pengawas, and dinoyo's ketua. */
async function withCooperative() {
  const ctx = fakeApp();
  await registerCoop(ctx);
  await registerCoop(ctx, { cooperativeId: 'dinoyo' });
  const grant = (cooperativeId: string, roles: never[], position?: 'ketua') => ({
    cooperativeId,
    roles,
    position,
  });
  const pengurus = await ctx.addPerson({
    personId: 'per_bendahara',
    phone: '+6281299990001',
    grants: [grant('karangbesuki', ['pengurus'] as never[], undefined)],
  });
  const pengawas = await ctx.addPerson({
    personId: 'per_pengawas',
    phone: '+6281299990002',
    grants: [grant('karangbesuki', ['pengawas'] as never[])],
  });
  const otherKetua = await ctx.addPerson({
    personId: 'per_dn_ketua',
    phone: '+6281299990003',
    grants: [grant('dinoyo', ['pengurus'] as never[], 'ketua')],
  });
  const h = async (p: typeof pengurus) => ({
    ...bearer(await ctx.tokenFor(p)),
    'content-type': 'application/json',
  });
  adminHeaders = await h(pengurus);
  pengawasHeaders = await h(pengawas);
  otherCoopHeaders = await h(otherKetua);
  const register = (body: unknown, headers: Record<string, string> = adminHeaders, id = 'karangbesuki') =>
    ctx.app.request(`/cooperatives/${id}/members`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { ...ctx, register };
}

const NIK = '3573011203900004';

describe('POST /cooperatives/:id/members', () => {
  it('registers a member with a random id and an event without personal data', async () => {
    const { register, members } = await withCooperative();

    const res = await register({
      displayName: 'Bu Sri',
      roles: ['anggota', 'penjual'],
      phone: '0812-3456-7890',
      nik: NIK,
    });

    expect(res.status).toBe(201);
    const view = await json(res);
    expect(view).toMatchObject({ displayName: 'Bu Sri', phone: '+6281234567890', nikLast4: '0004' });
    expect(view.memberId).toMatch(/^mbr_[0-9A-Za-z]{22}$/);
    expect(JSON.stringify(view)).not.toContain(NIK);
    const [event] = members.events;
    expect(event?.type).toBe('pasar.membership.member.registered');
    expect(Object.keys(event?.data as object).sort()).toEqual([
      'cooperativeId',
      'displayName',
      'joinedAt',
      'memberId',
      'roles',
    ]);
    expect(JSON.stringify(event)).not.toContain('0812');
    expect(JSON.stringify(event)).not.toContain(NIK);
  });

  it('stores the NIK only as a salted hash and its last four digits', async () => {
    const { register, members } = await withCooperative();
    await register({ displayName: 'Bu Sri', roles: ['anggota'], nik: NIK });
    const [stored] = [...members.rows.values()];
    expect(stored?.nik?.last4).toBe('0004');
    expect(stored?.nik?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(NIK);
  });

  it('refuses a NIK that is not 16 digits with 400 naming nik', async () => {
    const { register, members } = await withCooperative();
    for (const nik of ['123', '35730112039000041', '357301120390000A', 3573011203900004]) {
      const res = await register({ displayName: 'Bu Sri', roles: ['anggota'], nik });
      expect(res.status).toBe(400);
      const body = await json(res);
      expect(body.details.issues.map((i: { field: string }) => i.field)).toEqual(['nik']);
      expect(JSON.stringify(body)).not.toContain(String(nik));
    }
    expect(members.rows.size).toBe(0);
  });

  it('refuses a second member with the same NIK in one cooperative', async () => {
    const { register } = await withCooperative();
    expect((await register({ displayName: 'Bu Sri', roles: ['anggota'], nik: NIK })).status).toBe(201);
    const res = await register({ displayName: 'Sri lagi', roles: ['anggota'], nik: NIK });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('MEMBER.NIK_TAKEN');
  });

  it('names bad roles, names and phones', async () => {
    const { register } = await withCooperative();
    const res = await register({ displayName: 'x', roles: ['raja'], phone: '12345' });
    expect(res.status).toBe(400);
    const fields = (await json(res)).details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(['displayName', 'roles.0', 'phone']);
    expect((await register({ displayName: 'Bu Sri', roles: [] })).status).toBe(400);
  });

  it('needs a pengurus of this cooperative: anonymous 401, pengawas 403, another cooperative 404', async () => {
    const { register, members } = await withCooperative();
    const body = { displayName: 'Bu Sri', roles: ['anggota'] };
    expect((await register(body, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await register(body, pengawasHeaders)).status).toBe(403);
    const other = await register(body, otherCoopHeaders);
    expect(other.status).toBe(404);
    expect((await register(body, adminHeaders, 'dinoyo')).status).toBe(404);
    expect(members.rows.size).toBe(0);
  });
});

describe('GET /cooperatives/:id/members', () => {
  it('pages through members with an opaque cursor', async () => {
    const { app, register } = await withCooperative();
    for (const name of ['Bu Sri', 'Pak Hadi', 'Bu Ani'])
      await register({ displayName: name, roles: ['anggota'] });

    const first = await json(
      await app.request('/cooperatives/karangbesuki/members?limit=2', { headers: adminHeaders }),
    );
    const second = await json(
      await app.request(`/cooperatives/karangbesuki/members?limit=2&cursor=${first.nextCursor}`, {
        headers: adminHeaders,
      }),
    );

    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const names = [...first.items, ...second.items].map((m: { displayName: string }) => m.displayName).sort();
    expect(names).toEqual(['Bu Ani', 'Bu Sri', 'Pak Hadi']);

    // any cursor of the member id pattern is a position: the members after it, by id (ids are
    // mbr_ + 22 base62 characters, so mbr_00 is before all of them and 24 z's after all)
    const after = async (cursor: string) =>
      json(
        await app.request(`/cooperatives/karangbesuki/members?cursor=${cursor}`, { headers: adminHeaders }),
      );
    expect((await after('mbr_00')).items).toHaveLength(3);
    expect(await after(`mbr_${'z'.repeat(24)}`)).toEqual({ items: [], nextCursor: null });
  });

  it('refuses malformed cursors and limits with 400, and anonymous callers with 401', async () => {
    const { app } = await withCooperative();
    const cursor = await app.request('/cooperatives/karangbesuki/members?cursor=%%%', {
      headers: adminHeaders,
    });
    expect(cursor.status).toBe(400);
    expect((await json(cursor)).details.issues[0].field).toBe('query.cursor');
    for (const bad of ['bWJyX3NyaQ', 'mbr_sri%0A', 'mbr_x', 'prd_abc']) {
      const res = await app.request(`/cooperatives/karangbesuki/members?cursor=${bad}`, {
        headers: adminHeaders,
      });
      expect(res.status, bad).toBe(400);
    }

    const limit = await app.request('/cooperatives/karangbesuki/members?limit=0', { headers: adminHeaders });
    expect((await json(limit)).details.issues[0].field).toBe('query.limit');
    expect((await app.request('/cooperatives/karangbesuki/members')).status).toBe(401);
  });

  it('lets the pengawas read the registry, and nobody of another cooperative', async () => {
    const { app, register } = await withCooperative();
    await register({ displayName: 'Bu Sri', roles: ['anggota'] });
    const read = await app.request('/cooperatives/karangbesuki/members', { headers: pengawasHeaders });
    expect(read.status).toBe(200);
    expect((await json(read)).items).toHaveLength(1);
    expect(
      (await app.request('/cooperatives/karangbesuki/members', { headers: otherCoopHeaders })).status,
    ).toBe(404);
  });
});
