import { describe, expect, it } from 'vitest';
import { bearer, cooperativeBody, fakeApp, json } from '../testing/fakes';

let adminHeaders: Record<string, string> = {};
/** An app with a signed-in dinas (the city office registers tenants). */
async function dinasApp() {
  const ctx = fakeApp();
  const dinas = await ctx.addPerson({ personId: 'per_dinas', phone: '+6281299990000', platform: ['dinas'] });
  adminHeaders = { ...bearer(await ctx.tokenFor(dinas)), 'content-type': 'application/json' };
  return ctx;
}

async function registered(overrides: Record<string, unknown> = {}) {
  const ctx = await dinasApp();
  const res = await ctx.app.request('/cooperatives', {
    method: 'POST',
    headers: adminHeaders,
    body: JSON.stringify(cooperativeBody(overrides)),
  });
  expect(res.status).toBe(201);
  return ctx;
}

const fieldsOf = async (res: Response) =>
  ((await json(res)) as { details: { issues: { field: string }[] } }).details.issues.map((i) => i.field);

describe('POST /cooperatives', () => {
  it('registers a cooperative and stores CooperativeRegistered with it', async () => {
    const { app, cooperatives, nudges } = await dinasApp();

    const res = await app.request('/cooperatives', {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify(cooperativeBody()),
    });

    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({
      cooperativeId: 'karangbesuki',
      slug: 'karangbesuki',
      phone: '0341-551234',
    });
    expect(cooperatives.events.map((e) => e.type)).toEqual(['pasar.membership.cooperative.registered']);
    expect(cooperatives.events[0]?.data).not.toHaveProperty('phone');
    expect(nudges()).toEqual(['cooperative:karangbesuki']);
  });

  it('refuses anonymous callers and bad tokens (401) and staff of a cooperative (403), storing nothing', async () => {
    const ctx = await dinasApp();
    const { app, cooperatives } = ctx;
    for (const authorization of [undefined, 'Bearer wrong.token.here', 'Basic abc']) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const res = await app.request('/cooperatives', {
        method: 'POST',
        headers,
        body: JSON.stringify(cooperativeBody()),
      });
      expect(res.status).toBe(401);
      expect((await json(res)).code).toMatch(/^AUTH\.(UNAUTHENTICATED|INVALID_TOKEN)$/);
    }
    const ketua = await ctx.addPerson({
      personId: 'per_ketua',
      phone: '+6281299990001',
      grants: [{ cooperativeId: 'karangbesuki', roles: ['pengurus'], position: 'ketua' }],
    });
    const res = await ctx.post('/cooperatives', cooperativeBody(), bearer(await ctx.tokenFor(ketua)));
    expect(res.status).toBe(403);
    expect(cooperatives.rows.size).toBe(0);
  });

  it('names each bad field with 400', async () => {
    const { app } = await dinasApp();
    const body = cooperativeBody({
      cooperativeId: 'Karang Besuki',
      deliveryFee: 5_000.5,
      orderExpiryMinutes: 0,
    });

    const res = await app.request('/cooperatives', {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify(body),
    });

    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['cooperativeId', 'deliveryFee', 'orderExpiryMinutes']);
  });

  it('refuses unknown fields instead of silently dropping them', async () => {
    const { app } = await dinasApp();
    const res = await app.request('/cooperatives', {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify(cooperativeBody({ delivryFee: 1 })),
    });
    expect(res.status).toBe(400);
    expect((await json(res)).message).toContain('delivryFee');
  });

  it('answers a duplicate id with 409 COOPERATIVE.ALREADY_EXISTS', async () => {
    const { app, cooperatives } = await registered();
    const res = await app.request('/cooperatives', {
      method: 'POST',
      headers: adminHeaders,
      body: JSON.stringify(cooperativeBody()),
    });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('COOPERATIVE.ALREADY_EXISTS');
    expect(cooperatives.events).toHaveLength(1);
  });

  it('answers malformed JSON with 400', async () => {
    const { app } = await dinasApp();
    const res = await app.request('/cooperatives', {
      method: 'POST',
      headers: adminHeaders,
      body: '{"cooperativeId":',
    });
    expect(res.status).toBe(400);
  });
});

describe('GET /cooperatives', () => {
  it('lists cooperatives publicly', async () => {
    const { app } = await registered();
    const res = await app.request('/cooperatives');
    expect(res.status).toBe(200);
    expect((await json(res)).items.map((c: { slug: string }) => c.slug)).toEqual(['karangbesuki']);
  });

  it('returns one cooperative, 404 when unknown, 400 when malformed', async () => {
    const { app } = await registered();
    expect((await app.request('/cooperatives/karangbesuki')).status).toBe(200);
    const missing = await app.request('/cooperatives/dinoyo');
    expect(missing.status).toBe(404);
    expect((await json(missing)).code).toBe('COOPERATIVE.NOT_FOUND');
    const bad = await app.request('/cooperatives/NOT_A_CODE');
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['param.cooperativeId']);
  });
});

describe('PATCH /cooperatives/:id', () => {
  const patch = (
    app: ReturnType<typeof fakeApp>['app'],
    body: unknown,
    id = 'karangbesuki',
    headers = adminHeaders,
  ) => app.request(`/cooperatives/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });

  it('updates and emits CooperativeUpdated with the new snapshot', async () => {
    const { app, cooperatives } = await registered();
    const res = await patch(app, { deliveryFee: 7_000 });
    expect(res.status).toBe(200);
    expect((await json(res)).deliveryFee).toBe(7_000);
    expect(cooperatives.events.at(-1)).toMatchObject({
      type: 'pasar.membership.cooperative.updated',
      data: { deliveryFee: 7_000 },
    });
    expect(cooperatives.rows.get('karangbesuki')?.version).toBe(2);
  });

  it('changes display-only fields without an event, and a no-op changes nothing', async () => {
    const { app, cooperatives } = await registered();
    expect((await patch(app, { openingHours: 'Setiap hari 06.00–21.00' })).status).toBe(200);
    expect((await patch(app, { openingHours: 'Setiap hari 06.00–21.00' })).status).toBe(200);
    expect(cooperatives.events).toHaveLength(1);
    expect(cooperatives.rows.get('karangbesuki')?.version).toBe(2);
  });

  it('refuses an empty body, an id change, bad values, no token and unknown cooperatives', async () => {
    const { app } = await registered();
    expect((await patch(app, {})).status).toBe(400);
    expect((await patch(app, { cooperativeId: 'dinoyo' })).status).toBe(400);
    const bad = await patch(app, { deliveryEnabled: 'yes' });
    expect(await fieldsOf(bad)).toEqual(['deliveryEnabled']);
    expect(
      (await patch(app, { deliveryFee: 1 }, 'karangbesuki', { 'content-type': 'application/json' } as never))
        .status,
    ).toBe(401);
    expect((await patch(app, { deliveryFee: 1 }, 'dinoyo')).status).toBe(404);
  });
});

describe('the payment methods a cooperative offers', () => {
  const ALL = ['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card'];
  /** karangbesuki with its ketua, its bendahara and kasir, and dinoyo's ketua. */
  async function withBoard() {
    const ctx = await registered();
    const person = async (personId: string, phone: string, grant: Record<string, unknown>) =>
      bearer(await ctx.tokenFor(await ctx.addPerson({ personId, phone, grants: [grant as never] })));
    return {
      ...ctx,
      as: {
        ketua: await person('per_kb_ketua', '+6281200000001', {
          cooperativeId: 'karangbesuki',
          roles: ['pengurus'],
          position: 'ketua',
        }),
        bendahara: await person('per_kb_bendahara', '+6281200000002', {
          cooperativeId: 'karangbesuki',
          roles: ['pengurus'],
          position: 'bendahara',
        }),
        kasir: await person('per_kb_kasir', '+6281200000003', {
          cooperativeId: 'karangbesuki',
          roles: ['kasir'],
        }),
        dinoyoKetua: await person('per_dn_ketua', '+6281200000004', {
          cooperativeId: 'dinoyo',
          roles: ['pengurus'],
          position: 'ketua',
        }),
        dinas: adminHeaders,
      },
    };
  }
  const put = (
    app: ReturnType<typeof fakeApp>['app'],
    headers: Record<string, string>,
    body: unknown,
    id = 'karangbesuki',
  ) =>
    app.request(`/cooperatives/${id}/payment-methods`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('lets the ketua set them: stored, shown, and published in CooperativeUpdated', async () => {
    const { app, cooperatives, as } = await withBoard();
    const res = await put(app, as.ketua, { paymentMethods: ALL });
    expect(res.status).toBe(200);
    expect((await json(res)).paymentMethods).toEqual(ALL);
    expect(cooperatives.events.at(-1)).toMatchObject({
      type: 'pasar.membership.cooperative.updated',
      data: { cooperativeId: 'karangbesuki', paymentMethods: ALL },
    });
    expect((await json(await app.request('/cooperatives/karangbesuki'))).paymentMethods).toEqual(ALL);
  });

  it('lets dinas set them, here and with PATCH; the same set again changes nothing', async () => {
    const { app, cooperatives, as } = await withBoard();
    expect((await put(app, as.dinas, { paymentMethods: ['cash', 'qris'] })).status).toBe(200);
    const patched = await app.request('/cooperatives/karangbesuki', {
      method: 'PATCH',
      headers: adminHeaders,
      body: JSON.stringify({ paymentMethods: ['qris', 'cash'] }),
    });
    expect(patched.status).toBe(200);
    expect(cooperatives.events.filter((e) => e.type.endsWith('updated'))).toHaveLength(1);
    expect(cooperatives.rows.get('karangbesuki')?.version).toBe(2);
  });

  it('is the ketua only: bendahara and kasir 403, another cooperative’s ketua 404, no token 401', async () => {
    const { app, cooperatives, as } = await withBoard();
    const body = { paymentMethods: ['cash'] };
    expect((await put(app, as.bendahara, body)).status).toBe(403);
    expect((await put(app, as.kasir, body)).status).toBe(403);
    expect((await put(app, as.dinoyoKetua, body)).status).toBe(404);
    expect((await put(app, {}, body)).status).toBe(401);
    expect(cooperatives.events).toHaveLength(1);
  });

  it('refuses none, unknown and repeated methods, naming the field', async () => {
    const { app, as } = await withBoard();
    for (const paymentMethods of [[], ['bitcoin'], 'cash']) {
      const res = await put(app, as.ketua, { paymentMethods });
      expect(res.status).toBe(400);
      expect((await fieldsOf(res))[0]).toMatch(/^paymentMethods/);
    }
    expect((await put(app, as.ketua, { paymentMethods: ['cash'], deliveryFee: 0 })).status).toBe(400);
  });

  it('registers a cooperative with them, validated the same way', async () => {
    const ctx = await dinasApp();
    const bad = await ctx.post('/cooperatives', cooperativeBody({ paymentMethods: [] }), adminHeaders);
    expect(bad.status).toBe(400);
    const ok = await ctx.post(
      '/cooperatives',
      cooperativeBody({ paymentMethods: ['cash', 'card'] }),
      adminHeaders,
    );
    expect(ok.status).toBe(201);
    expect(ctx.cooperatives.events[0]?.data).toMatchObject({ paymentMethods: ['cash', 'card'] });
  });
});
