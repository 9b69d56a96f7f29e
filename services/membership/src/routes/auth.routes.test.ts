import { createTokenVerifier } from '@pasar/service-kit';
import { SERVICE_AUDIENCES, type ServiceName } from '@pasar/contracts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { sessionDigest } from '../domain/session';
import { bearer, type FakeApp, fakeApp, json } from '../testing/fakes';

const PHONE = '+6281234567890';
const PASSWORD = 'karbes-kasir-2026';

async function withKasir(env: Record<string, string> = {}) {
  const ctx = fakeApp({}, env);
  const person = await ctx.addPerson({
    personId: 'per_kasir',
    phone: PHONE,
    password: PASSWORD,
    name: 'Mbak Rina',
    grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'kasir'] }],
  });
  return { ...ctx, person };
}

const signIn = (ctx: FakeApp, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  ctx.post('/auth/sign-in', body, headers);

async function signedIn(ctx: FakeApp) {
  const res = await signIn(ctx, { phone: '0812-3456-7890', password: PASSWORD });
  expect(res.status).toBe(200);
  return (await json(res)).session.id as string;
}

const fields = async (res: Response) =>
  ((await json(res)).details?.issues ?? []).map((i: { field: string }) => i.field);

describe('POST /auth/sign-in', () => {
  it('signs in with the phone as people type it and returns a session and the person, never the hash', async () => {
    const ctx = await withKasir();
    const res = await signIn(ctx, { phone: '0812 3456 7890', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body.session.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.session.idleTimeoutSeconds).toBe(1800);
    expect(new Date(body.session.expiresAt).getTime()).toBe(ctx.clock.now().getTime() + 1800 * 1000);
    expect(body.person).toEqual({
      personId: 'per_kasir',
      name: 'Mbak Rina',
      phone: PHONE,
      grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'kasir'] }],
      platform: [],
    });
    expect(JSON.stringify(body)).not.toContain('argon2');
    // only the digest is stored
    expect(ctx.sessions.rows.has(sessionDigest(body.session.id))).toBe(true);
    expect(JSON.stringify([...ctx.sessions.rows.values()])).not.toContain(body.session.id);
  });

  it('answers a wrong password and an unknown phone alike with 401 AUTH.INVALID_CREDENTIALS', async () => {
    const ctx = await withKasir();
    for (const body of [
      { phone: PHONE, password: 'salah-sandi-2026' },
      { phone: '081299998888', password: PASSWORD },
    ]) {
      const res = await signIn(ctx, body);
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    }
    expect(ctx.sessions.rows.size).toBe(0);
  });

  it('records every attempt without the password, with AuditRecorded per cooperative of the person', async () => {
    const ctx = await withKasir();
    await signIn(ctx, { phone: PHONE, password: 'salah-sandi-2026' });
    await signIn(ctx, { phone: PHONE, password: PASSWORD });
    await signIn(ctx, { phone: '081299998888', password: 'whatever-2026' });
    expect(ctx.authEvents.rows.map((r) => [r.kind, r.personId])).toEqual([
      ['sign-in.failed', 'per_kasir'],
      ['sign-in.succeeded', 'per_kasir'],
      ['sign-in.failed', null],
    ]);
    expect(
      ctx.authEvents.events.map((e) => [e.type, e.subject, (e.data as { action: string }).action]),
    ).toEqual([
      ['pasar.audit.entry.recorded', 'karangbesuki', 'membership.sign-in.failed'],
      ['pasar.audit.entry.recorded', 'karangbesuki', 'membership.sign-in.succeeded'],
    ]);
    const stored = JSON.stringify([ctx.authEvents.rows, ctx.authEvents.events]);
    expect(stored).not.toContain('salah-sandi');
    expect(stored).not.toContain(PASSWORD);
    expect(stored).not.toContain('08129999');
  });

  it('names bad fields with 400 and creates nothing', async () => {
    const ctx = await withKasir();
    const res = await signIn(ctx, { phone: '12345', password: '', extra: 1 });
    expect(res.status).toBe(400);
    expect((await json(res)).message).toContain('extra');
    const bad = await signIn(ctx, { phone: '12345', password: '' });
    expect(await fields(bad)).toEqual(['phone', 'password']);
    const prev = await signIn(ctx, { phone: PHONE, password: PASSWORD, previousSessionId: 'nope' });
    expect(await fields(prev)).toEqual(['previousSessionId']);
    expect(ctx.sessions.rows.size).toBe(0);
    expect(ctx.authEvents.rows).toHaveLength(0);
  });

  it('throttles after 5 failures: 429 AUTH.THROTTLED with Retry-After, even for the right password', async () => {
    const ctx = await withKasir();
    for (let i = 0; i < 5; i++)
      expect((await signIn(ctx, { phone: PHONE, password: `salah-${i}-sandi` })).status).toBe(401);
    const res = await signIn(ctx, { phone: PHONE, password: PASSWORD });
    expect(res.status).toBe(429);
    const body = await json(res);
    expect(body.code).toBe('AUTH.THROTTLED');
    expect(body.message).toMatch(/^Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ detik\./);
    expect(body.message).toContain('Too many sign-in attempts');
    expect(body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(res.headers.get('retry-after')).toBe(String(body.details.retryAfterSeconds));
    expect(ctx.sessions.rows.size).toBe(0);
    // the lockout is kept on the account too (a second instance honours it)
    expect(ctx.people.rows.get('per_kasir')?.lockedUntil).not.toBeNull();
  });

  it('throttles one address trying many phones, and a success resets the account counter', async () => {
    const ctx = await withKasir();
    for (let i = 0; i < 4; i++) await signIn(ctx, { phone: PHONE, password: `salah-${i}-sandi` });
    expect((await signIn(ctx, { phone: PHONE, password: PASSWORD })).status).toBe(200);
    expect(ctx.people.rows.get('per_kasir')?.failedSignIns).toBe(0);
    // the address has 4 failures; one more with another phone blocks it
    expect((await signIn(ctx, { phone: '081299990001', password: 'salah-sandi-x' })).status).toBe(401);
    const res = await signIn(ctx, { phone: PHONE, password: PASSWORD });
    expect(res.status).toBe(429);
  });

  it('takes the address from X-Forwarded-For only behind a trusted proxy', async () => {
    // app.request() has no socket: the peer is "unknown", which is not trusted, so X-Forwarded-For is ignored.
    const ctx = await withKasir();
    for (let i = 0; i < 5; i++)
      await signIn(
        ctx,
        { phone: `0812999900${10 + i}`, password: 'salah-sandi-x' },
        { 'x-forwarded-for': `9.9.9.${i}` },
      );
    expect((await signIn(ctx, { phone: PHONE, password: PASSWORD })).status).toBe(429);
    expect(ctx.authEvents.rows.every((r) => r.address === 'unknown')).toBe(true);

    const proxied = await withKasir({ TRUSTED_PROXIES: 'unknown' });
    for (let i = 0; i < 5; i++)
      await signIn(
        proxied,
        { phone: `0812999900${10 + i}`, password: 'salah-sandi-x' },
        { 'x-forwarded-for': '9.9.9.9' },
      );
    expect(
      (await signIn(proxied, { phone: PHONE, password: PASSWORD }, { 'x-forwarded-for': '9.9.9.8' })).status,
    ).toBe(200);
    expect(
      (await signIn(proxied, { phone: PHONE, password: PASSWORD }, { 'x-forwarded-for': '9.9.9.9' })).status,
    ).toBe(429);
  });

  it('rotates: a new session id on every sign-in, and the previous one is revoked', async () => {
    const ctx = await withKasir();
    const first = await signedIn(ctx);
    const res = await signIn(ctx, { phone: PHONE, password: PASSWORD, previousSessionId: first });
    const second = (await json(res)).session.id;
    expect(second).not.toBe(first);
    expect((await ctx.post('/auth/tokens', { sessionId: first })).status).toBe(401);
    expect((await ctx.post('/auth/tokens', { sessionId: second })).status).toBe(200);
  });
});

describe('POST /auth/tokens', () => {
  it('mints one EdDSA token per service, ≤ 300 s, verifiable against the served JWKS', async () => {
    const ctx = await withKasir();
    const sessionId = await signedIn(ctx);
    const res = await ctx.post('/auth/tokens', { sessionId });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.expiresIn).toBeLessThanOrEqual(300);
    expect(Object.keys(body.tokens).sort()).toEqual([
      'catalog',
      'ledger',
      'membership',
      'orders',
      'payments',
    ]);
    const jwks = await json(await ctx.app.request('/.well-known/jwks.json'));
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    for (const service of Object.keys(SERVICE_AUDIENCES) as ServiceName[]) {
      const token = body.tokens[service];
      const principal = await createTokenVerifier({ service, jwks })(token);
      expect(principal).toMatchObject({
        personId: 'per_kasir',
        sessionId: sessionDigest(sessionId),
        grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'kasir'] }],
      });
      const claims = decodeJwt(token);
      expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
      expect(claims.aud).toBe(SERVICE_AUDIENCES[service]);
      expect(claims.jti).toBeTruthy();
      expect(JSON.stringify(claims)).not.toContain(PHONE);
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'EdDSA', kid: 'test-kid' });
    }
    // a token for catalog is refused by orders
    await expect(createTokenVerifier({ service: 'orders', jwks })(body.tokens.catalog)).rejects.toThrow();
  });

  it('touches the idle timer; idle, absolute and unknown sessions answer 401 AUTH.SESSION_EXPIRED', async () => {
    const ctx = await withKasir();
    const sessionId = await signedIn(ctx);
    ctx.clock.advance(29 * 60);
    expect((await ctx.post('/auth/tokens', { sessionId })).status).toBe(200);
    ctx.clock.advance(29 * 60); // 58 min after sign-in, 29 after the last use: still alive
    expect((await ctx.post('/auth/tokens', { sessionId })).status).toBe(200);
    ctx.clock.advance(30 * 60);
    const idle = await ctx.post('/auth/tokens', { sessionId });
    expect(idle.status).toBe(401);
    expect((await json(idle)).code).toBe('AUTH.SESSION_EXPIRED');

    const busy = await signedIn(ctx);
    for (let i = 0; i < 25; i++) {
      ctx.clock.advance(29 * 60);
      await ctx.post('/auth/tokens', { sessionId: busy });
    }
    expect((await ctx.post('/auth/tokens', { sessionId: busy })).status).toBe(401); // > 12 h

    const unknown = await ctx.post('/auth/tokens', { sessionId: 'A'.repeat(43) });
    expect(unknown.status).toBe(401);
    expect(await fields(await ctx.post('/auth/tokens', { sessionId: 'short' }))).toEqual(['sessionId']);
  });
});

describe('POST /auth/sign-out', () => {
  it('revokes the session (204) and is harmless on an ended one', async () => {
    const ctx = await withKasir();
    const sessionId = await signedIn(ctx);
    expect((await ctx.post('/auth/sign-out', { sessionId })).status).toBe(204);
    expect((await ctx.post('/auth/tokens', { sessionId })).status).toBe(401);
    expect((await ctx.post('/auth/sign-out', { sessionId })).status).toBe(204);
    expect(await fields(await ctx.post('/auth/sign-out', {}))).toEqual(['sessionId']);
  });
});

async function tokensOf(ctx: FakeApp, sessionId: string) {
  return (await json(await ctx.post('/auth/tokens', { sessionId }))).tokens as Record<ServiceName, string>;
}

describe('GET /me and signed-in routes', () => {
  it('returns the person for a membership token and refuses none, expired, tampered and foreign ones', async () => {
    const ctx = await withKasir();
    const tokens = await tokensOf(ctx, await signedIn(ctx));
    const me = await ctx.app.request('/me', { headers: bearer(tokens.membership) });
    expect(me.status).toBe(200);
    expect((await json(me)).personId).toBe('per_kasir');

    expect((await ctx.app.request('/me')).status).toBe(401);
    expect((await ctx.app.request('/me', { headers: bearer(tokens.catalog) })).status).toBe(401);
    const [h, p, s] = tokens.membership.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, platform: ['dinas'] })).toString('base64url');
    const tampered = await ctx.app.request('/me', { headers: bearer(`${h}.${forged}.${s}`) });
    expect(tampered.status).toBe(401);
    expect((await json(tampered)).code).toBe('AUTH.INVALID_TOKEN');

    // membership's verifier uses the real clock: a token minted 10 minutes ago has expired
    const { createTokenMinter } = await import('../tokens/issuer');
    const past = createTokenMinter(ctx.keys, 300, () => new Date(Date.now() - 10 * 60_000));
    const expired = (await past.mint(ctx.person, 'x')).membership;
    const res = await ctx.app.request('/me', { headers: bearer(expired) });
    expect(res.status).toBe(401);
    expect((await json(res)).message).toContain('expired');
    // a token signed by another key (same kid) is refused
    const { generateSigningKeyPem, loadSigningKeys } = await import('../tokens/keys');
    const alien = createTokenMinter(
      await loadSigningKeys({ signingKey: generateSigningKeyPem(), keyId: 'test-kid' }),
      300,
    );
    expect(
      (await ctx.app.request('/me', { headers: bearer((await alien.mint(ctx.person, 'x')).membership) }))
        .status,
    ).toBe(401);
  });
});

describe('POST /auth/password', () => {
  it('changes the password and revokes every session of the person', async () => {
    const ctx = await withKasir();
    const a = await signedIn(ctx);
    const b = await signedIn(ctx);
    const token = (await tokensOf(ctx, b)).membership;
    const res = await ctx.post(
      '/auth/password',
      { currentPassword: PASSWORD, newPassword: 'sandi-baru-rina-2026' },
      bearer(token),
    );
    expect(res.status).toBe(204);
    for (const sessionId of [a, b]) expect((await ctx.post('/auth/tokens', { sessionId })).status).toBe(401);
    expect((await signIn(ctx, { phone: PHONE, password: PASSWORD })).status).toBe(401);
    expect((await signIn(ctx, { phone: PHONE, password: 'sandi-baru-rina-2026' })).status).toBe(200);
    // the token of the revoked session no longer changes the password
    const again = await ctx.post(
      '/auth/password',
      { currentPassword: 'sandi-baru-rina-2026', newPassword: 'sandi-lagi-2026!' },
      bearer(token),
    );
    expect(again.status).toBe(401);
  });

  it('400 names a too short or too long newPassword (code points); 409 a common one; 401 a wrong current one; nothing changes', async () => {
    const ctx = await withKasir();
    const token = (await tokensOf(ctx, await signedIn(ctx))).membership;
    const before = ctx.people.rows.get('per_kasir')?.passwordHash;
    const common = await ctx.post(
      '/auth/password',
      { currentPassword: PASSWORD, newPassword: ' BisMillah ' },
      bearer(token),
    );
    expect(common.status).toBe(409);
    expect(await json(common)).toMatchObject({
      code: 'PASSWORD.TOO_COMMON',
      details: { field: 'newPassword' },
    });
    const short = await ctx.post(
      '/auth/password',
      { currentPassword: PASSWORD, newPassword: 'pendek' },
      bearer(token),
    );
    expect(short.status).toBe(400);
    expect((await json(short)).details.issues[0]).toMatchObject({
      field: 'newPassword',
      message: expect.stringContaining('at least 8'),
    });
    // 4 emoji are 8 UTF-16 units but 4 characters: too short, as the document's minLength counts
    expect(
      await fields(
        await ctx.post(
          '/auth/password',
          { currentPassword: PASSWORD, newPassword: '😀😀😀😀' },
          bearer(token),
        ),
      ),
    ).toEqual(['newPassword']);
    expect(
      await fields(
        await ctx.post(
          '/auth/password',
          { currentPassword: PASSWORD, newPassword: 'a'.repeat(129) },
          bearer(token),
        ),
      ),
    ).toEqual(['newPassword']);
    const wrong = await ctx.post(
      '/auth/password',
      { currentPassword: 'bukan-sandi-ku', newPassword: 'sandi-baru-rina-2026' },
      bearer(token),
    );
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toMatchObject({
      code: 'AUTH.WRONG_CURRENT_PASSWORD',
      details: { field: 'currentPassword' },
    });
    expect(
      await fields(await ctx.post('/auth/password', { newPassword: 'sandi-baru-rina-2026' }, bearer(token))),
    ).toEqual(['currentPassword']);
    expect(ctx.people.rows.get('per_kasir')?.passwordHash).toBe(before);
    expect(
      (await ctx.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'x-y-z-1-2-3' })).status,
    ).toBe(401);
  });
});
