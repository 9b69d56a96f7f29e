import type { ActionFunctionArgs, AppLoadContext } from '@remix-run/node';
import { describe, expect, it, vi } from 'vitest';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { loadOrder } from '~/routes/k.$slug.pesanan.$orderId/order.server';
import { action as addToCartRoute } from '~/routes/k.$slug.produk.$productId/route';
import { action as signOutRoute } from '~/routes/keluar/route';
import { action as signInRoute } from '~/routes/masuk/route';
import { getAuth } from '~/utils/auth.server';
import { publicOrigin, resolvePeer } from '~/utils/origin.server';
import { KASIR, KERIPIK } from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { cartWith, installFakeServices, resetWebState, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';

/** Every route module of the app that has an action: the CSRF check must guard each of them. */
const routeModules = import.meta.glob<{ action?: (args: ActionFunctionArgs) => Promise<unknown> }>(
  '../app/routes/*/route.{ts,tsx}',
  { eager: true },
);
const actions = Object.entries(routeModules).filter(([, m]) => typeof m.action === 'function');

const EVIL = { Origin: 'https://evil.example' };

describe('CSRF: every state-changing form checks where it was posted from', () => {
  it('finds the actions (so the next test is not vacuous)', () => {
    expect(
      actions.map(([path]) => path.replace('../app/routes/', '').replace(/\/route\.tsx?$/, '')).sort(),
    ).toEqual(
      [
        'akun._index',
        'atur-sandi',
        'bahasa',
        'k.$slug.checkout',
        'k.$slug.keranjang',
        'k.$slug.pesanan.$orderId',
        'k.$slug.produk.$productId',
        'jual.$slug.daftar',
        'jual.$slug.barang.baru',
        'jual.$slug.barang.$productId',
        'kelola.$slug.anggota',
        'kelola.$slug.konsinyasi',
        'kelola.$slug.jurnal',
        'kelola.$slug.jurnal_.$entryId',
        'kelola.$slug.periode',
        'kelola.$slug.moderasi',
        'kelola.$slug.pembayaran',
        'kelola.$slug.penjual',
        'kelola.$slug.pesanan_.$orderId',
        'kelola.$slug.simpanan',
        'kelola.$slug.shu',
        'keluar',
        'masuk',
      ].sort(),
    );
  });

  it.each(actions)(
    '%s answers 403 to a post from evil.example before calling any service',
    async (_path, mod) => {
      const cookie = await signInAs(KASIR);
      const before = services.current.calls.length;
      const res = await run(() =>
        mod.action?.(
          args(
            post('/x', { intent: 'invite', lang: 'en', productId: KERIPIK.id, quantity: '1' }, cookie, EVIL),
            {
              slug,
              productId: KERIPIK.id,
              orderId: 'ord_test00000001',
            },
          ),
        ),
      );
      expect(res.status).toBe(403);
      expect(res.data).toEqual({ reason: 'forbidden-origin' });
      expect(services.current.calls.length).toBe(before);
    },
  );

  it('a forged "add to cart" changes nothing; the same post from our page works', async () => {
    const fields = { productId: KERIPIK.id, quantity: '2' };
    const params = { slug, productId: KERIPIK.id };
    const forged = await run(() =>
      addToCartRoute(args(post(`/k/${slug}/produk/${KERIPIK.id}`, fields, '', EVIL), params)),
    );
    expect(forged.status).toBe(403);
    expect(forged.headers.get('Set-Cookie')).toBeNull();
    expect(services.current.carts.size).toBe(0);
    const ours = await run(() =>
      addToCartRoute(args(post(`/k/${slug}/produk/${KERIPIK.id}`, fields), params)),
    );
    expect(ours.status).toBe(302);
    expect(services.current.carts.size).toBe(1);
  });

  it('a forged sign-out leaves the session alive', async () => {
    const cookie = await signInAs(KASIR);
    const res = await run(() => signOutRoute(args(post('/keluar', {}, cookie, EVIL), {})));
    expect(res.status).toBe(403);
    expect(await getAuth(get('/', cookie))).toMatchObject({ status: 'signed-in' });
  });

  it('falls back to the Referer without an Origin, and refuses a post with neither or with Origin: null', async () => {
    const form = { phone: KASIR.phone, password: KASIR.password };
    const referer = await run(() =>
      signInRoute(args(post('/masuk', form, '', { Origin: '', Referer: 'http://localhost/masuk' }), {})),
    );
    // An empty Origin header is an Origin that names nobody: refused.
    expect(referer.status).toBe(403);
    const withReferer = new Request('http://localhost/masuk', {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Referer: 'http://localhost/masuk?x=1' },
    });
    expect((await run(() => signInRoute(args(withReferer, {})))).status).toBe(302);
    const bare = new Request('http://localhost/masuk', { method: 'POST', body: new URLSearchParams(form) });
    expect((await run(() => signInRoute(args(bare, {})))).status).toBe(403);
    const nullOrigin = await run(() => signInRoute(args(post('/masuk', form, '', { Origin: 'null' }), {})));
    expect(nullOrigin.status).toBe(403);
    const evilReferer = new Request('http://localhost/masuk', {
      method: 'POST',
      body: new URLSearchParams(form),
      headers: { Referer: 'https://evil.example/masuk' },
    });
    expect((await run(() => signInRoute(args(evilReferer, {})))).status).toBe(403);
  });

  it('accepts the configured public origin and EXTRA_ORIGINS, not the host the app was reached on', async () => {
    vi.stubEnv('PUBLIC_BASE_URL', 'https://pasar.example');
    vi.stubEnv('EXTRA_ORIGINS', 'https://www.pasar.example');
    resetWebState();
    const form = { phone: KASIR.phone, password: KASIR.password };
    const from = (origin: string) =>
      run(() => signInRoute(args(post('/masuk', form, '', { Origin: origin }), {})));
    expect((await from('https://pasar.example')).status).toBe(302);
    expect((await from('https://www.pasar.example')).status).toBe(302);
    expect((await from('http://localhost')).status).toBe(403);
  });
});

/** A placed order and the cookie that may see it. */
async function placedOrder(): Promise<{ orderId: string; cookie: string }> {
  const cart = await cartWith(KERIPIK.id, 1);
  const fields = {
    idempotencyKey: `key-${Math.random()}`,
    name: 'Siti',
    phone: '081234567890',
    fulfilment: 'pickup',
    paymentMethod: 'cash',
  };
  const res = await run(() => submitCheckout(args(post(`/k/${slug}/checkout`, fields, cart), { slug })));
  return {
    orderId: (res.headers.get('Location') ?? '').split('/').pop() ?? '',
    cookie: cookiesOf(res.headers, cart),
  };
}

const PROXY_HEADERS = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'pasar.example' };

/** What server.ts's getLoadContext gives when a trusted proxy says the browser used https://pasar.example. */
const VIA_PROXY: AppLoadContext = {
  peer: { protocol: 'https', host: 'pasar.example', clientAddress: '203.0.113.7' },
};

async function secretLink(headers: Record<string, string>, context?: AppLoadContext): Promise<string> {
  const { orderId, cookie } = await placedOrder();
  const res = await run<{ secretLink: string }>(() =>
    loadOrder(args(get(`/k/${slug}/pesanan/${orderId}`, cookie, headers), { slug, orderId }, context)),
  );
  expect(res.status).toBe(200);
  return res.data.secretLink;
}

describe('behind a TLS-terminating proxy (test/server.test.ts covers the server that decides whom to believe)', () => {
  it('builds the secret link for the public scheme and host the server vouches for (context.peer)', async () => {
    const link = await secretLink({}, VIA_PROXY);
    expect(link).toMatch(/^https:\/\/pasar\.example\/k\/karangbesuki\/pesanan\/ord_\w+\?token=tok_\w+$/);
  });

  it('never reads forwarded headers itself: without a peer the link keeps the request URL', async () => {
    const link = await secretLink({ 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'evil.example' });
    expect(link).toMatch(/^http:\/\/localhost\/k\/karangbesuki\/pesanan\//);
  });

  it('PUBLIC_BASE_URL wins over the peer and anything a request says', async () => {
    vi.stubEnv('PUBLIC_BASE_URL', 'https://pasar.example/');
    resetWebState();
    const link = await secretLink(
      { 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'evil.example' },
      { peer: { protocol: 'http', host: 'evil.example', clientAddress: undefined } },
    );
    expect(link).toMatch(/^https:\/\/pasar\.example\/k\//);
  });

  it('believes forwarded headers only from a trusted proxy, only the first hop, only a real scheme and host', () => {
    const peer = (trustedProxy: boolean, forwardedProto?: string, forwardedHost?: string) =>
      resolvePeer({
        encrypted: false,
        trustedProxy,
        host: '127.0.0.1:3000',
        forwardedProto,
        forwardedHost,
        clientAddress: '10.0.0.9',
      });
    expect(peer(true, 'https, http', 'a.example, b')).toEqual({
      protocol: 'https',
      host: 'a.example',
      clientAddress: '10.0.0.9',
    });
    expect(peer(false, 'https', 'a.example')).toMatchObject({ protocol: 'http', host: '127.0.0.1:3000' });
    expect(peer(true, 'gopher', 'x/y@evil')).toMatchObject({ protocol: 'http', host: '127.0.0.1:3000' });
    expect(peer(true, 'HTTPS', 'Pasar.Example:99999')).toMatchObject({
      protocol: 'https',
      host: '127.0.0.1:3000',
    });
    expect(publicOrigin(get('/'), { peer: peer(true, 'https', 'pasar.example:8443') })).toBe(
      'https://pasar.example:8443',
    );
    expect(publicOrigin(get('/', '', PROXY_HEADERS))).toBe('http://localhost');
  });

  it('checks form posts against the origin the server vouches for, not against forwarded headers', async () => {
    const form = { phone: KASIR.phone, password: KASIR.password };
    const signIn = (context?: AppLoadContext) =>
      run(() =>
        signInRoute(
          args(post('/masuk', form, '', { Origin: 'https://pasar.example', ...PROXY_HEADERS }), {}, context),
        ),
      );
    expect((await signIn()).status).toBe(403);
    expect((await signIn(VIA_PROXY)).status).toBe(302);
  });

  it("sends membership the shopper's address (X-Forwarded-For) with sign-in, so throttling is per shopper", async () => {
    const form = { phone: KASIR.phone, password: KASIR.password };
    const res = await run(() =>
      signInRoute(args(post('/masuk', form, '', { Origin: 'https://pasar.example' }), {}, VIA_PROXY)),
    );
    expect(res.status).toBe(302);
    const call = services.current.calls.findLast((c) => c.url.pathname === '/auth/sign-in');
    expect(call?.headers.get('X-Forwarded-For')).toBe('203.0.113.7');
    // Without a server vouching for the address, none is claimed.
    await run(() => signInRoute(args(post('/masuk', form), {})));
    const bare = services.current.calls.findLast((c) => c.url.pathname === '/auth/sign-in');
    expect(bare).not.toBe(call);
    expect(bare?.headers.get('X-Forwarded-For')).toBeNull();
  });

  it('makes the session cookie Secure when the public address is https, even outside production', async () => {
    vi.stubEnv('PUBLIC_BASE_URL', 'https://pasar.example');
    resetWebState();
    const res = await run(() =>
      signInRoute(
        args(
          post('/masuk', { phone: KASIR.phone, password: KASIR.password }, '', {
            Origin: 'https://pasar.example',
          }),
          {},
        ),
      ),
    );
    expect(res.headers.get('Set-Cookie')).toMatch(/^__Host-pasar_sid=.*; Secure/);
  });
});
