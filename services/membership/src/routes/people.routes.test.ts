import type { CooperativeGrant } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { MOBILE_PHONE_PATTERN } from '../domain/phone';
import { bearer, type FakeApp, fakeApp, json, withCooperative } from '../testing/fakes';

const g = (cooperativeId: string, roles: string[], position?: string) =>
  ({ cooperativeId, roles, ...(position ? { position } : {}) }) as CooperativeGrant;

/** karangbesuki (ketua, bendahara, pengawas, kasir) and dinoyo (its own ketua). */
async function board() {
  const ctx = fakeApp();
  await withCooperative(ctx);
  await withCooperative(ctx, { cooperativeId: 'dinoyo' });
  const add = (personId: string, phone: string, grants: CooperativeGrant[], password?: string) =>
    ctx.addPerson({ personId, phone, grants, password });
  const ketua = await add('per_kb_ketua', '+6281200000001', [
    g('karangbesuki', ['anggota', 'pengurus'], 'ketua'),
  ]);
  const bendahara = await add('per_kb_bendahara', '+6281200000002', [
    g('karangbesuki', ['pengurus'], 'bendahara'),
  ]);
  const pengawas = await add('per_kb_pengawas', '+6281200000003', [g('karangbesuki', ['pengawas'])]);
  const kasir = await add(
    'per_kb_kasir',
    '+6281200000004',
    [g('karangbesuki', ['anggota', 'kasir'])],
    'kasir-lama-2026',
  );
  const dnKetua = await add('per_dn_ketua', '+6281200000005', [g('dinoyo', ['pengurus'], 'ketua')]);
  const h = async (p: typeof ketua) => bearer(await ctx.tokenFor(p));
  return {
    ...ctx,
    as: {
      ketua: await h(ketua),
      bendahara: await h(bendahara),
      pengawas: await h(pengawas),
      kasir: await h(kasir),
      dnKetua: await h(dnKetua),
    },
  };
}

const PEOPLE = '/cooperatives/karangbesuki/people';
const fields = async (res: Response) =>
  ((await json(res)).details?.issues ?? []).map((i: { field: string }) => i.field);
const auditActions = (ctx: FakeApp) => ctx.people.events.map((e) => (e.data as { action: string }).action);

describe('GET /cooperatives/:id/people', () => {
  it('lists the people of the cooperative with masked phones, for pengurus and pengawas', async () => {
    const ctx = await board();
    const res = await ctx.app.request(`${PEOPLE}?limit=2`, { headers: ctx.as.pengawas });
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(page.items).toEqual([
      {
        personId: 'per_kb_bendahara',
        name: 'Orang per_kb_bendahara',
        phoneMasked: '+62812****0002',
        roles: ['pengurus'],
        position: 'bendahara',
      },
      {
        personId: 'per_kb_kasir',
        name: 'Orang per_kb_kasir',
        phoneMasked: '+62812****0004',
        roles: ['anggota', 'kasir'],
      },
    ]);
    const rest = await json(
      await ctx.app.request(`${PEOPLE}?cursor=${page.nextCursor}`, { headers: ctx.as.bendahara }),
    );
    expect(rest.items.map((p: { personId: string }) => p.personId)).toEqual([
      'per_kb_ketua',
      'per_kb_pengawas',
    ]);
    expect(rest.nextCursor).toBeNull();
    expect(JSON.stringify([page, rest])).not.toContain('per_dn_ketua');
  });

  it('answers kasir 403, another cooperative 404, anonymous 401, bad cursor 400', async () => {
    const ctx = await board();
    expect((await ctx.app.request(PEOPLE, { headers: ctx.as.kasir })).status).toBe(403);
    const other = await ctx.app.request(PEOPLE, { headers: ctx.as.dnKetua });
    expect(other.status).toBe(404);
    expect((await ctx.app.request(PEOPLE)).status).toBe(401);
    for (const bad of ['%%%', 'cGVyX2tiX2tldHVh', 'per_kb_ketua%0A', 'per_x', `per_${'a'.repeat(41)}`])
      expect(
        new Set(await fields(await ctx.app.request(`${PEOPLE}?cursor=${bad}`, { headers: ctx.as.ketua }))),
        bad,
      ).toEqual(new Set(['query.cursor']));
  });

  it('takes every cursor of the person id pattern as a position: an unknown one gives the people after it', async () => {
    const ctx = await board();
    const ids = async (cursor: string) => {
      const res = await ctx.app.request(`${PEOPLE}?cursor=${cursor}`, { headers: ctx.as.ketua });
      expect(res.status, cursor).toBe(200);
      return (await json(res)).items.map((p: { personId: string }) => p.personId);
    };
    expect(await ids('per_kb_c')).toEqual(['per_kb_kasir', 'per_kb_ketua', 'per_kb_pengawas']);
    expect(await ids('per_zz')).toEqual([]);
  });
});

describe('POST /cooperatives/:id/people (ketua)', () => {
  it('invites a new person with a one-time reset code, audited in the same write', async () => {
    const ctx = await board();
    const res = await ctx.post(
      PEOPLE,
      { name: 'Mas Joko', phone: '0813-1111-2222', roles: ['kasir'] },
      ctx.as.ketua,
    );
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.person).toMatchObject({ name: 'Mas Joko', phoneMasked: '+62813****2222', roles: ['kasir'] });
    expect(body.resetCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(new Date(body.resetCodeExpiresAt).getTime() - ctx.clock.now().getTime()).toBe(24 * 3600 * 1000);
    const stored = ctx.people.rows.get(body.person.personId)!;
    expect(stored.phone).toBe('+6281311112222');
    expect(JSON.stringify(stored)).not.toContain(body.resetCode);
    expect(auditActions(ctx)).toEqual(['membership.role.assigned', 'membership.reset-code.issued']);
    expect(ctx.people.events[0]?.data).toMatchObject({
      cooperativeId: 'karangbesuki',
      actorId: 'per_kb_ketua',
      actorRoles: ['anggota', 'pengurus'],
      target: { type: 'person', id: body.person.personId },
      before: { roles: [] },
      after: { roles: ['kasir'] },
    });
    expect(JSON.stringify(ctx.people.events)).not.toContain('+6281311112222');
    expect(ctx.nudges()).toContain(`person:${body.person.personId}`);

    // the code sets a password once
    const reset = {
      phone: '081311112222',
      code: body.resetCode.toLowerCase(),
      newPassword: 'joko-kasir-2026',
    };
    expect((await ctx.post('/auth/reset', reset)).status).toBe(204);
    expect(
      (await ctx.post('/auth/sign-in', { phone: reset.phone, password: 'joko-kasir-2026' })).status,
    ).toBe(200);
    const again = await ctx.post('/auth/reset', { ...reset, newPassword: 'joko-lagi-2026' });
    expect(again.status).toBe(401);
    expect((await json(again)).code).toBe('AUTH.INVALID_RESET_CODE');
  });

  it('links the account to a member record of the registry once, publishing MemberAccountLinked', async () => {
    const ctx = await board();
    const member = await ctx.post(
      '/cooperatives/karangbesuki/members',
      { displayName: 'Bu Warsini', roles: ['anggota'], joinedOn: '2024-03-01' },
      ctx.as.ketua,
    );
    expect(member.status).toBe(201);
    const { memberId, createdAt } = await json(member);
    expect(createdAt).toBe('2024-02-29T17:00:00.000Z'); // 1 March 2024, 00:00 in Jakarta
    const invite = { name: 'Bu Warsini', phone: '0813-7777-0001', roles: ['anggota'], memberId };
    const res = await ctx.post(PEOPLE, invite, ctx.as.ketua);
    expect(res.status).toBe(201);
    const personId = (await json(res)).person.personId;
    expect(ctx.members.rows.get(memberId)?.personId).toBe(personId);
    const linked = ctx.members.events.filter((e) => e.type === 'pasar.membership.member.account-linked');
    expect(linked.map((e) => e.data)).toEqual([{ memberId, cooperativeId: 'karangbesuki', personId }]);
    expect(ctx.nudges()).toContain(`member:${memberId}`);
    // The same invitation again links nothing twice.
    expect((await ctx.post(PEOPLE, invite, ctx.as.ketua)).status).toBe(201);
    expect(ctx.members.events.filter((e) => e.type === linked[0]?.type)).toHaveLength(1);

    // Someone else cannot take the record; an unknown or another cooperative's id is a 404; nothing is written.
    const other = await ctx.post(PEOPLE, { ...invite, phone: '0813-7777-0002' }, ctx.as.ketua);
    expect(other.status).toBe(409);
    expect((await json(other)).code).toBe('MEMBER.ALREADY_LINKED');
    const dinoyoMember = await ctx.post(
      '/cooperatives/dinoyo/members',
      { displayName: 'Pak Yusuf', roles: ['anggota'] },
      ctx.as.dnKetua,
    );
    const foreign = await ctx.post(
      PEOPLE,
      { ...invite, phone: '0813-7777-0003', memberId: (await json(dinoyoMember)).memberId },
      ctx.as.ketua,
    );
    expect(foreign.status).toBe(404);
    expect((await json(foreign)).details).toEqual({ field: 'memberId' });
    expect(
      [...ctx.people.rows.values()].some((p) => ['+6281377770002', '+6281377770003'].includes(p.phone)),
    ).toBe(false);
    expect((await ctx.post(PEOPLE, { ...invite, memberId: 'siti' }, ctx.as.ketua)).status).toBe(400);
  });

  it('takes a joining date from the paper registry, never in the future', async () => {
    const ctx = await board();
    const register = (joinedOn: string) =>
      ctx.post(
        '/cooperatives/karangbesuki/members',
        { displayName: 'Pak Darmo', roles: ['anggota'], joinedOn },
        ctx.as.ketua,
      );
    for (const bad of ['2024-02-30', '2024-13-01', '01-03-2024']) {
      const res = await register(bad);
      expect(res.status, bad).toBe(400);
      expect(await fields(res)).toEqual(['joinedOn']);
    }
    for (const [bad, why] of [
      ['2999-01-01', 'future'],
      ['1900-01-01', '1945'],
    ] as const) {
      const res = await register(bad);
      expect(res.status, bad).toBe(409);
      const body = await json(res);
      expect(body).toMatchObject({ code: 'MEMBER.JOINING_DATE', details: { field: 'joinedOn' } });
      expect(body.message).toContain(why);
    }
    expect(ctx.members.rows.size).toBe(0);
    const joined = ctx.members.events.find((e) => e.type === 'pasar.membership.member.registered');
    expect(joined).toBeUndefined();
    expect((await register('2025-07-14')).status).toBe(201);
    expect(ctx.members.events.at(-1)?.data).toMatchObject({ joinedAt: '2025-07-13T17:00:00.000Z' });
  });

  it('adds roles to an existing account with that phone, without a code when it has a password', async () => {
    const ctx = await board();
    const res = await ctx.post(
      PEOPLE,
      { name: 'Siapa pun', phone: '+6281200000004', roles: ['gudang'] },
      ctx.as.ketua,
    );
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      person: { personId: 'per_kb_kasir', roles: ['anggota', 'kasir', 'gudang'] },
      resetCode: null,
      resetCodeExpiresAt: null,
    });
    // dinoyo's ketua inviting karangbesuki's kasir adds a dinoyo grant and no way into the account
    const other = await ctx.post(
      '/cooperatives/dinoyo/people',
      { name: 'Rina', phone: '+6281200000004', roles: ['anggota'] },
      ctx.as.dnKetua,
    );
    expect((await json(other)).resetCode).toBeNull();
    expect(ctx.people.rows.get('per_kb_kasir')?.grants.map((x) => x.cooperativeId)).toEqual([
      'karangbesuki',
      'dinoyo',
    ]);
  });

  it('is the ketua only: bendahara 403, pengawas 403, another cooperative 404; nothing changes', async () => {
    const ctx = await board();
    const body = { name: 'Mas Joko', phone: '0813-1111-2222', roles: ['kasir'] };
    expect((await ctx.post(PEOPLE, body, ctx.as.bendahara)).status).toBe(403);
    expect((await ctx.post(PEOPLE, body, ctx.as.pengawas)).status).toBe(403);
    expect((await ctx.post(PEOPLE, body, ctx.as.dnKetua)).status).toBe(404);
    expect((await ctx.post(PEOPLE, body)).status).toBe(401);
    expect(ctx.people.rows.size).toBe(5);
  });

  it('names bad fields with 400 and stores nothing', async () => {
    const ctx = await board();
    const res = await ctx.post(PEOPLE, { name: 'J', phone: '12345', roles: ['raja'] }, ctx.as.ketua);
    expect(res.status).toBe(400);
    expect(await fields(res)).toEqual(['name', 'phone', 'roles.0']);
    const pos = await ctx.post(
      PEOPLE,
      { name: 'Mas Joko', phone: '081311112222', roles: ['kasir'], position: 'ketua' },
      ctx.as.ketua,
    );
    expect(await fields(pos)).toEqual(['position']);
    // the name is trimmed before the 2-character rule, and the document's pattern says so
    for (const name of [' J ', '  ', 'J\u3000', '😀'])
      expect(
        await fields(await ctx.post(PEOPLE, { name, phone: '081311112222', roles: ['kasir'] }, ctx.as.ketua)),
        JSON.stringify(name),
      ).toEqual(['name']);
    expect(
      await fields(
        await ctx.post(PEOPLE, { name: 'Mas Joko', phone: '081311112222', roles: [] }, ctx.as.ketua),
      ),
    ).toEqual(['roles']);
    expect(ctx.people.rows.size).toBe(5);
    expect(ctx.people.events).toHaveLength(0);
  });
});

describe('PUT /cooperatives/:id/people/:personId/roles (ketua)', () => {
  const put = (
    ctx: FakeApp,
    personId: string,
    body: unknown,
    headers: Record<string, string>,
    coop = 'karangbesuki',
  ) => ctx.post(`/cooperatives/${coop}/people/${personId}/roles`, body, headers, 'PUT');

  it('sets roles with a before/after audit event in the same write', async () => {
    const ctx = await board();
    const res = await put(ctx, 'per_kb_kasir', { roles: ['anggota', 'gudang'] }, ctx.as.ketua);
    expect(res.status).toBe(200);
    expect((await json(res)).roles).toEqual(['anggota', 'gudang']);
    expect(ctx.people.events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        action: 'membership.role.changed',
        before: { roles: ['anggota', 'kasir'] },
        after: { roles: ['anggota', 'gudang'] },
      }),
    ]);
    expect((await put(ctx, 'per_kb_kasir', { roles: [] }, ctx.as.ketua)).status).toBe(200);
    expect(auditActions(ctx).at(-1)).toBe('membership.role.revoked');
    // no longer of this cooperative: 404
    expect((await put(ctx, 'per_kb_kasir', { roles: ['anggota'] }, ctx.as.ketua)).status).toBe(404);
  });

  it('refuses to demote the last ketua (409) but allows it once another ketua exists', async () => {
    const ctx = await board();
    const self = await put(ctx, 'per_kb_ketua', { roles: ['anggota'] }, ctx.as.ketua);
    expect(self.status).toBe(409);
    expect((await json(self)).code).toBe('PEOPLE.LAST_KETUA');
    expect(ctx.people.rows.get('per_kb_ketua')?.grants[0]?.position).toBe('ketua');
    expect(
      (await put(ctx, 'per_kb_bendahara', { roles: ['pengurus'], position: 'ketua' }, ctx.as.ketua)).status,
    ).toBe(200);
    expect(
      (
        await put(
          ctx,
          'per_kb_ketua',
          { roles: ['anggota', 'pengurus'], position: 'sekretaris' },
          ctx.as.ketua,
        )
      ).status,
    ).toBe(200);
  });

  it('answers another cooperative 404, a person of another cooperative 404, bad input 400', async () => {
    const ctx = await board();
    expect((await put(ctx, 'per_kb_kasir', { roles: ['anggota'] }, ctx.as.dnKetua)).status).toBe(404);
    expect((await put(ctx, 'per_dn_ketua', { roles: ['anggota'] }, ctx.as.ketua)).status).toBe(404);
    expect((await put(ctx, 'per_kb_kasir', { roles: ['anggota'] }, ctx.as.bendahara)).status).toBe(403);
    expect(await fields(await put(ctx, 'per_kb_kasir', { roles: ['raja'] }, ctx.as.ketua))).toEqual([
      'roles.0',
    ]);
    expect(await fields(await put(ctx, 'bad id', { roles: ['anggota'] }, ctx.as.ketua))).toEqual([
      'param.personId',
    ]);
    expect(
      await fields(await put(ctx, 'per_kb_kasir', { roles: ['kasir'], position: 'ketua' }, ctx.as.ketua)),
    ).toEqual(['position']);
    expect(ctx.people.events).toHaveLength(0);
  });
});

describe('POST /cooperatives/:id/people/:personId/reset-code (ketua) and /auth/reset', () => {
  const issue = (ctx: FakeApp, personId: string, headers: Record<string, string>, coop = 'karangbesuki') =>
    ctx.post(`/cooperatives/${coop}/people/${personId}/reset-code`, {}, headers);

  it('issues a one-time code that expires after 24 hours, audited; using it revokes sessions', async () => {
    const ctx = await board();
    const session = (
      await json(await ctx.post('/auth/sign-in', { phone: '081200000004', password: 'kasir-lama-2026' }))
    ).session.id;
    const res = await issue(ctx, 'per_kb_kasir', ctx.as.ketua);
    expect(res.status).toBe(201);
    const { resetCode } = await json(res);
    expect(auditActions(ctx)).toEqual(['membership.reset-code.issued']);
    expect(JSON.stringify(ctx.people.events)).not.toContain(resetCode);

    const body = { phone: '081200000004', code: resetCode, newPassword: 'kasir-baru-2026' };
    const common = await ctx.post('/auth/reset', { ...body, newPassword: 'password' });
    expect(common.status).toBe(409);
    expect((await json(common)).code).toBe('PASSWORD.TOO_COMMON');
    expect(await fields(await ctx.post('/auth/reset', { ...body, newPassword: 'pendek' }))).toEqual([
      'newPassword',
    ]);
    expect((await ctx.post('/auth/reset', { ...body, code: 'AAAA-BBBB-CCCC' })).status).toBe(401);
    expect((await ctx.post('/auth/reset', body)).status).toBe(204);
    expect((await ctx.post('/auth/tokens', { sessionId: session })).status).toBe(401);
    expect((await ctx.post('/auth/reset', { ...body, newPassword: 'kasir-lagi-2026' })).status).toBe(401);

    // a fresh code expires after 24 h
    const late = (await json(await issue(ctx, 'per_kb_kasir', ctx.as.ketua))).resetCode;
    ctx.clock.advance(24 * 3600);
    const expired = await ctx.post('/auth/reset', { ...body, code: late, newPassword: 'kasir-telat-2026' });
    expect(expired.status).toBe(401);
    expect((await json(expired)).code).toBe('AUTH.INVALID_RESET_CODE');
    expect(
      (await ctx.post('/auth/sign-in', { phone: '081200000004', password: 'kasir-baru-2026' })).status,
    ).toBe(200);
  });

  it('throttles /auth/reset after 5 wrong codes (429, Retry-After)', async () => {
    const ctx = await board();
    const { resetCode } = await json(await issue(ctx, 'per_kb_kasir', ctx.as.ketua));
    for (let i = 0; i < 5; i++)
      expect(
        (
          await ctx.post('/auth/reset', {
            phone: '081200000004',
            code: `AAAA-BBBB-CCC${i}`,
            newPassword: 'kasir-baru-2026',
          })
        ).status,
      ).toBe(401);
    const res = await ctx.post('/auth/reset', {
      phone: '081200000004',
      code: resetCode,
      newPassword: 'kasir-baru-2026',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('is the ketua of the same cooperative only, and never for a dinas account', async () => {
    const ctx = await board();
    expect((await issue(ctx, 'per_kb_kasir', ctx.as.dnKetua)).status).toBe(404);
    expect((await issue(ctx, 'per_kb_kasir', ctx.as.bendahara)).status).toBe(403);
    expect((await issue(ctx, 'per_dn_ketua', ctx.as.ketua)).status).toBe(404);
    await ctx.addPerson({
      personId: 'per_dinas',
      phone: '+6281200000009',
      platform: ['dinas'],
      grants: [g('karangbesuki', ['anggota'])],
    });
    expect((await issue(ctx, 'per_dinas', ctx.as.ketua)).status).toBe(409);
    const badId = await issue(ctx, 'nobody!', ctx.as.ketua);
    expect(badId.status).toBe(400);
    expect(await fields(badId)).toEqual(['param.personId']);
    expect(await fields(await ctx.post('/auth/reset', { phone: 'x', code: '1', newPassword: 'y' }))).toEqual([
      'phone',
      'code',
      'newPassword',
    ]);
    expect(ctx.people.events).toHaveLength(0);
  });
});

describe('GET /openapi.json', () => {
  it('documents every route with its access rule', async () => {
    const ctx = await board();
    const doc = await json(await ctx.app.request('/openapi.json'));
    const ops = Object.entries(
      doc.paths as Record<string, Record<string, { 'x-pasar-access'?: unknown }>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([m, op]) => [`${m.toUpperCase()} ${path}`, op['x-pasar-access']]),
    );
    expect(ops.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        'GET /.well-known/jwks.json',
        'POST /auth/sign-in',
        'POST /auth/tokens',
        'POST /auth/sign-out',
        'POST /auth/password',
        'POST /auth/reset',
        'GET /me',
        'GET /cooperatives/{cooperativeId}/people',
        'POST /cooperatives/{cooperativeId}/people',
        'PUT /cooperatives/{cooperativeId}/people/{personId}/roles',
        'POST /cooperatives/{cooperativeId}/people/{personId}/reset-code',
        'POST /cooperatives',
        'GET /cooperatives/{cooperativeId}/members',
      ]),
    );
    expect(ops.every(([, rule]) => rule)).toBe(true);
  });

  it('states the rules the code enforces: patterns, code-point lengths, position ⇒ pengurus', async () => {
    const ctx = await board();
    const doc = await json(await ctx.app.request('/openapi.json'));
    const body = (path: string, method: string) =>
      doc.paths[path][method].requestBody.content['application/json'].schema;
    const query = (path: string, name: string) =>
      doc.paths[path].get.parameters.find((p: { name: string }) => p.name === name).schema;

    const invite = body('/cooperatives/{cooperativeId}/people', 'post');
    expect(invite.properties.phone).toEqual({
      type: 'string',
      maxLength: 32,
      pattern: MOBILE_PHONE_PATTERN.source,
    });
    expect(invite.properties.name).toMatchObject({ maxLength: 80, pattern: expect.any(String) });
    expect(invite.if).toEqual({ required: ['position'] });
    expect(invite.then).toEqual({ properties: { roles: { contains: { const: 'pengurus' } } } });
    expect(body('/cooperatives/{cooperativeId}/people/{personId}/roles', 'put').then).toEqual(invite.then);
    for (const [path, field] of [
      ['/auth/password', 'newPassword'],
      ['/auth/reset', 'newPassword'],
    ])
      expect(body(path!, 'post').properties[field!]).toEqual({
        type: 'string',
        minLength: 8,
        maxLength: 128,
      });
    expect(body('/auth/sign-in', 'post').properties.password).toEqual({
      type: 'string',
      minLength: 1,
      maxLength: 128,
    });
    expect(query('/cooperatives/{cooperativeId}/people', 'cursor')).toEqual({
      type: 'string',
      maxLength: 44,
      pattern: '^per_[0-9A-Za-z_]{2,40}$',
    });
    expect(query('/cooperatives/{cooperativeId}/members', 'cursor').pattern).toBe('^mbr_[0-9A-Za-z_]{2,40}$');
  });
});
