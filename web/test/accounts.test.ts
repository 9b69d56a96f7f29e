import { describe, expect, it, vi } from 'vitest';
import { loader as rootLoader } from '~/root';
import { action as accountRoute, loader as accountLoader } from '~/routes/akun._index/route';
import { loader as dataLoader } from '~/routes/akun.data/route';
import { action as setPasswordRoute } from '~/routes/atur-sandi/route';
import { action as signOutRoute } from '~/routes/keluar/route';
import { action as signInRoute, loader as signInLoader } from '~/routes/masuk/route';
import { getAuth } from '~/utils/auth.server';
import { KASIR, SHOPPER } from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { installFakeServices, resetWebState, signInAs } from './setup-services';

const services = installFakeServices();
const membershipCalls = (path: string) =>
  services.current.calls.filter((c) => c.url.port === '4004' && c.url.pathname === path);
const signIn = (fields: Record<string, string>, cookie = '') =>
  run<Record<string, unknown>>(() => signInRoute(args(post('/masuk', fields, cookie), {})));

/** The production configuration: __Host- cookie, Secure. */
function production() {
  vi.stubEnv('NODE_ENV', 'production');
  vi.stubEnv('SESSION_SECRET', 'a-production-secret-of-32-chars!!');
  resetWebState();
}

describe('sign-in', () => {
  it('sets only the session id, in a __Host- cookie with Secure, HttpOnly, SameSite=Lax, Path=/ in production', async () => {
    production();
    const res = await signIn({ phone: '0811-0000-0002', password: KASIR.password, redirectTo: '/akun' });
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/akun');
    const [cookie, ...others] = res.headers.getSetCookie();
    expect(others).toEqual([]);
    expect(cookie).toMatch(/^__Host-pasar_sid=[^;]+;/);
    const attributes = (cookie ?? '').split(/;\s*/).slice(1);
    expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']));
    expect(attributes.some((a) => /^Domain=/i.test(a))).toBe(false);
    expect(attributes.some((a) => /^Expires=/i.test(a))).toBe(true);
    // Membership got the normalised phone; the cookie holds nothing else than the session id it returned.
    expect(membershipCalls('/auth/sign-in')[0]?.body).toEqual({
      phone: KASIR.phone,
      password: KASIR.password,
    });
    const auth = await getAuth(get('/akun', cookiesOf(res.headers)));
    expect(auth).toMatchObject({ status: 'signed-in', person: { personId: KASIR.personId } });
  });

  it('uses pasar_sid without Secure outside production', async () => {
    const res = await signIn({ phone: KASIR.phone, password: KASIR.password });
    const cookie = res.headers.getSetCookie()[0] ?? '';
    expect(cookie).toMatch(/^pasar_sid=/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('rotates the id on a second sign-in: a new id, the old one passed to membership and no longer valid', async () => {
    production();
    const first = await signInAs(KASIR);
    const firstId = services.current.sessionOf(KASIR.personId);
    const second = await signInAs(KASIR, first);
    expect(second).not.toBe(first);
    const calls = membershipCalls('/auth/sign-in');
    expect(calls[1]?.body).toMatchObject({ previousSessionId: firstId });
    expect(services.current.sessions.get(firstId ?? '')?.revoked).toBe(true);
    expect(await getAuth(get('/', first))).toEqual({ status: 'expired' });
    expect(await getAuth(get('/', second))).toMatchObject({ status: 'signed-in' });
  });

  it('says the phone or password is wrong (401), then throttles with a clear message (429)', async () => {
    const wrong = { phone: KASIR.phone, password: 'salah-salah' };
    const res = await signIn(wrong);
    expect(res.status).toBe(401);
    expect(res.data.errors).toEqual({ form: 'signIn.invalid' });
    expect(res.data.values).toEqual({ phone: KASIR.phone }); // never the password
    expect(res.headers.getSetCookie()).toEqual([]);
    for (let i = 0; i < 4; i++) await signIn(wrong);
    const throttled = await signIn({ phone: KASIR.phone, password: KASIR.password });
    expect(throttled.status).toBe(429);
    expect(throttled.data.errors).toEqual({ form: { key: 'signIn.throttled', vars: { seconds: 60 } } });
  });

  it('answers 400 naming the fields, without asking membership', async () => {
    const res = await signIn({ phone: '12345', password: '' });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ phone: 'errors.phone', password: 'errors.required' });
    expect(membershipCalls('/auth/sign-in')).toHaveLength(0);
  });

  it('goes back only to a path of this site', async () => {
    const res = await signIn({
      phone: KASIR.phone,
      password: KASIR.password,
      redirectTo: '//evil.example/x',
    });
    expect(res.headers.get('Location')).toBe('/akun');
  });
});

describe('access tokens', () => {
  it('are fetched once per session and reused until 60 s before they expire', async () => {
    const cookie = await signInAs(SHOPPER);
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    const first = await getAuth(get('/', cookie));
    await Promise.all([getAuth(get('/', cookie)), getAuth(get('/akun', cookie))]);
    expect(membershipCalls('/auth/tokens')).toHaveLength(1);
    clock.mockReturnValue(now + 239_000);
    await getAuth(get('/', cookie));
    expect(membershipCalls('/auth/tokens')).toHaveLength(1);
    clock.mockReturnValue(now + 241_000);
    const refreshed = await getAuth(get('/', cookie));
    expect(membershipCalls('/auth/tokens')).toHaveLength(2);
    expect(refreshed).toMatchObject({ status: 'signed-in' });
    expect(first.status === 'signed-in' && refreshed.status === 'signed-in' && first.tokens.orders).not.toBe(
      refreshed.status === 'signed-in' && refreshed.tokens.orders,
    );
  });

  it('a session membership ended signs the person out with "Sesi Anda berakhir"', async () => {
    const cookie = await signInAs(SHOPPER);
    const id = services.current.sessionOf(SHOPPER.personId) ?? '';
    services.current.sessions.get(id)!.revoked = true; // idle or absolute timeout at membership

    const page = await run(() => accountLoader(args(get('/akun', cookie), {})));
    expect(page.status).toBe(302);
    expect(page.headers.get('Location')).toBe('/masuk?redirectTo=%2Fakun&sesi=berakhir');
    expect(page.headers.get('Set-Cookie')).toMatch(/^pasar_sid=;.*Max-Age=0/);

    const signInPage = await run(() =>
      signInLoader(args(get('/masuk?redirectTo=%2Fakun&sesi=berakhir'), {})),
    );
    expect(signInPage.data).toMatchObject({ expired: true, redirectTo: '/akun' });

    // On any other page the header stops showing the person, the cookie goes and the message shows.
    const root = await run(() => rootLoader(args(get('/', cookie), {})));
    expect(root.data).toMatchObject({ account: null, sessionExpired: true });
    expect(root.headers.get('Set-Cookie')).toMatch(/^pasar_sid=;/);
  });

  it('shoppers without an account stay anonymous: no token exchange, no Authorization', async () => {
    const root = await run(() => rootLoader(args(get('/'), {})));
    expect(root.data).toMatchObject({ account: null, sessionExpired: false });
    expect(membershipCalls('/auth/tokens')).toHaveLength(0);
    expect(services.current.calls.some((c) => c.headers.has('Authorization'))).toBe(false);
  });
});

describe('sign-out', () => {
  it('revokes the session at membership, clears the cookie and says so', async () => {
    production();
    const cookie = await signInAs(KASIR);
    const id = services.current.sessionOf(KASIR.personId) ?? '';
    await getAuth(get('/', cookie)); // tokens cached
    const res = await run(() => signOutRoute(args(post('/keluar', {}, cookie), {})));
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/masuk?pesan=keluar');
    const cleared = res.headers.get('Set-Cookie') ?? '';
    expect(cleared).toMatch(/^__Host-pasar_sid=;/);
    expect(cleared).toMatch(/Max-Age=0/);
    expect(cleared).toMatch(/Secure/);
    expect(membershipCalls('/auth/sign-out')[0]?.body).toEqual({ sessionId: id });
    expect(services.current.sessions.get(id)?.revoked).toBe(true);
    // The cached tokens went with it: the old cookie is worth nothing, even replayed.
    expect(await getAuth(get('/', cookie))).toEqual({ status: 'expired' });
  });

  it('does not sign out on a GET', async () => {
    const { loader } = await import('~/routes/keluar/route');
    const res = await run(() => loader());
    expect(res.status).toBe(302);
    expect(membershipCalls('/auth/sign-out')).toHaveLength(0);
  });
});

describe('account page', () => {
  const account = (fields: Record<string, string>, cookie: string) =>
    run<Record<string, unknown>>(() => accountRoute(args(post('/akun', fields, cookie), {})));

  it('shows the name, the masked phone and the roles per cooperative', async () => {
    const cookie = await signInAs(KASIR);
    const res = await run(() => accountLoader(args(get('/akun', cookie), {})));
    expect(res.data).toEqual({
      person: { name: KASIR.name, phoneMasked: '0811****0002' },
      grants: [
        {
          cooperativeId: 'karangbesuki',
          cooperativeName: 'Koperasi Kelurahan Merah Putih Karangbesuki',
          roles: ['kasir'],
          position: null,
          staff: true,
        },
      ],
      dinas: false,
    });
    expect(JSON.stringify(res.data)).not.toContain(KASIR.phone);
    const me = services.current.calls.find((c) => c.url.pathname === '/me');
    expect(me?.headers.get('Authorization')).toMatch(/^Bearer at\.membership\./);
  });

  it('sends someone signed out to /masuk and back', async () => {
    const res = await run(() => accountLoader(args(get('/akun'), {})));
    expect(res.headers.get('Location')).toBe('/masuk?redirectTo=%2Fakun');
  });

  it('refuses a wrong current password (400 on the field) and a mismatch, changing nothing', async () => {
    const cookie = await signInAs(SHOPPER);
    const mismatch = await account(
      {
        intent: 'password',
        currentPassword: SHOPPER.password,
        newPassword: 'baru-sekali-1',
        confirmPassword: 'x',
      },
      cookie,
    );
    expect(mismatch.status).toBe(400);
    expect(mismatch.data.errors).toEqual({ confirmPassword: 'errors.passwordMismatch' });
    const wrong = await account(
      {
        intent: 'password',
        currentPassword: 'bukan-ini',
        newPassword: 'baru-sekali-1',
        confirmPassword: 'baru-sekali-1',
      },
      cookie,
    );
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors).toEqual({ currentPassword: 'errors.wrongPassword' });
    expect(services.current.people.get(SHOPPER.personId)?.password).toBe(SHOPPER.password);
  });

  it('changes the password, then the person signs in again (all sessions revoked)', async () => {
    const cookie = await signInAs(SHOPPER);
    const res = await account(
      {
        intent: 'password',
        currentPassword: SHOPPER.password,
        newPassword: 'baru-sekali-1',
        confirmPassword: 'baru-sekali-1',
      },
      cookie,
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('Location')).toBe('/masuk?pesan=sandi');
    expect(res.headers.get('Set-Cookie')).toMatch(/^pasar_sid=;/);
    expect(services.current.people.get(SHOPPER.personId)?.password).toBe('baru-sekali-1');
    expect(await getAuth(get('/', cookie))).toEqual({ status: 'expired' });
  });

  it('downloads my data as a JSON attachment', async () => {
    const cookie = await signInAs(SHOPPER);
    const res = await dataLoader(args(get('/akun/data', cookie), {}));
    expect(res.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(res.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename="data-pribadi-pasar-.+\.json"$/,
    );
    expect(res.headers.get('Cache-Control')).toBe('private, no-store');
    expect(await res.json()).toMatchObject({ person: { personId: SHOPPER.personId, name: SHOPPER.name } });
  });

  it('asks erasure only with the confirmation ticked, then signs the person out', async () => {
    const cookie = await signInAs(SHOPPER);
    const unconfirmed = await account({ intent: 'erasure' }, cookie);
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.data).toMatchObject({
      intent: 'erasure',
      errors: { confirm: 'errors.confirmErasure' },
    });
    expect(services.current.erased.size).toBe(0);
    const res = await account({ intent: 'erasure', confirm: 'yes' }, cookie);
    expect(res.headers.get('Location')).toBe('/masuk?pesan=hapus');
    expect(services.current.erased.has(SHOPPER.personId)).toBe(true);
    expect(await getAuth(get('/', cookie))).toEqual({ status: 'expired' });
  });
});

describe('set a password with a reset code', () => {
  const setPassword = (fields: Record<string, string>) =>
    run<Record<string, unknown>>(() => setPasswordRoute(args(post('/atur-sandi', fields), {})));

  it('names the wrong fields with 400 and calls nobody', async () => {
    const res = await setPassword({ phone: 'abc', code: '', newPassword: 'short', confirmPassword: 'other' });
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      phone: 'errors.phone',
      code: 'errors.required',
      newPassword: 'errors.passwordLength',
    });
    expect(membershipCalls('/auth/reset')).toHaveLength(0);
  });

  it('refuses a wrong code, accepts the right one, and the person can sign in with the new password', async () => {
    services.current.resetCodes.set(KASIR.personId, 'KODE1234');
    const form = { phone: KASIR.phone, newPassword: 'sandi-baru-kasir', confirmPassword: 'sandi-baru-kasir' };
    const wrong = await setPassword({ ...form, code: 'KODE9999' });
    expect(wrong.status).toBe(400);
    expect(wrong.data.errors).toEqual({ code: 'setPassword.invalidCode' });
    const ok = await setPassword({ ...form, code: 'KODE1234' });
    expect(ok.headers.get('Location')).toBe('/masuk?pesan=atur');
    const signedIn = await signIn({ phone: KASIR.phone, password: 'sandi-baru-kasir' });
    expect(signedIn.status).toBe(302);
  });
});
