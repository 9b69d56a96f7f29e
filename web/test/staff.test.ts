import { describe, expect, it } from 'vitest';
import { loader as rootLoader } from '~/root';
import { loader as myOrdersLoader } from '~/routes/akun.pesanan/route';
import { action as setPasswordRoute } from '~/routes/atur-sandi/route';
import { submitCheckout } from '~/routes/k.$slug.checkout/checkout.server';
import { loader as shellLoader } from '~/routes/kelola.$slug/route';
import { loader as homeLoader } from '~/routes/kelola.$slug._index/route';
import { action as peopleRoute, loader as peopleLoader } from '~/routes/kelola.$slug.anggota/route';
import { loader as auditLoader } from '~/routes/kelola.$slug.audit/route';
import { loader as ordersLoader } from '~/routes/kelola.$slug.pesanan_.semua/route';
import { loader as productsLoader } from '~/routes/kelola.$slug.produk/route';
import {
  DINOYO_KETUA,
  DINOYO_KOPI,
  type FakePerson,
  KASIR,
  KERIPIK,
  KETUA,
  PENGAWAS,
  SHOPPER,
} from './fixtures';
import { args, cookiesOf, get, post, run } from './route-helpers';
import { cartWith, installFakeServices, signInAs } from './setup-services';

const services = installFakeServices();
const slug = 'karangbesuki';

const shell = (cookie: string, s = slug) =>
  run<Record<string, unknown>>(() => shellLoader(args(get(`/kelola/${s}`, cookie), { slug: s })));

/** Places an order from a fresh cart, signed in (cookie) or as a guest. */
async function order(cookie = '', coop = slug, productId = KERIPIK.id) {
  const withCart = await cartWith(productId, 1, cookie, coop);
  const fields = {
    idempotencyKey: `key-${Math.random()}`,
    name: 'Pembeli',
    phone: '081234567890',
    fulfilment: 'pickup',
    paymentMethod: 'cash',
  };
  const res = await run(() =>
    submitCheckout(args(post(`/k/${coop}/checkout`, fields, withCart), { slug: coop })),
  );
  expect(res.status).toBe(302);
  return {
    orderId: (res.headers.get('Location') ?? '').split('/').pop() ?? '',
    cookie: cookiesOf(res.headers, withCart),
  };
}

describe('staff area shell', () => {
  it("shows the kasir only the kasir's sections", async () => {
    const res = await shell(await signInAs(KASIR));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      cooperative: { slug, marketName: 'Karbes Market' },
      roles: ['kasir'],
      sections: ['pesanan', 'pembayaran', 'simpanan'],
      isKetua: false,
    });
  });

  it('shows the ketua every section, the pengawas all but member management', async () => {
    expect((await shell(await signInAs(KETUA))).data).toMatchObject({
      sections: [
        'pesanan',
        'produk',
        'moderasi',
        'pembayaran',
        'konsinyasi',
        'buku',
        'jurnal',
        'periode',
        'penjual',
        'anggota',
        'audit',
        'simpanan',
        'shu',
      ],
      isKetua: true,
    });
    expect((await shell(await signInAs(PENGAWAS))).data).toMatchObject({
      sections: [
        'pesanan',
        'produk',
        'moderasi',
        'pembayaran',
        'konsinyasi',
        'buku',
        'jurnal',
        'periode',
        'penjual',
        'audit',
        'simpanan',
        'shu',
      ],
      isKetua: false,
    });
  });

  it('is a 404 for staff of another cooperative and for a signed-in shopper; sign-in for nobody', async () => {
    expect((await shell(await signInAs(DINOYO_KETUA))).status).toBe(404);
    expect((await shell(await signInAs(SHOPPER))).status).toBe(404);
    expect((await shell(await signInAs(KASIR), 'nowhere')).status).toBe(404);
    const anonymous = await shell('');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('Location')).toBe('/masuk?redirectTo=%2Fkelola%2Fkarangbesuki');
  });

  it('guards every page on its own: the kasir gets 404 on products, members and audit', async () => {
    const cookie = await signInAs(KASIR);
    const params = { slug };
    expect((await run(() => homeLoader(args(get(`/kelola/${slug}`, cookie), params)))).status).toBe(200);
    expect((await run(() => ordersLoader(args(get(`/kelola/${slug}/pesanan`, cookie), params)))).status).toBe(
      200,
    );
    for (const loader of [productsLoader, peopleLoader, auditLoader]) {
      expect((await run(() => loader(args(get(`/kelola/${slug}/x`, cookie), params)))).status).toBe(404);
    }
    const other = await signInAs(DINOYO_KETUA);
    expect((await run(() => homeLoader(args(get(`/kelola/${slug}`, other), params)))).status).toBe(404);
    expect((await run(() => ordersLoader(args(get(`/kelola/${slug}/pesanan`, other), params)))).status).toBe(
      404,
    );
  });

  it('puts "Kelola" in the header for each cooperative where the person is staff', async () => {
    const kasirCookie = await signInAs(KASIR);
    const kasir = await run(() => rootLoader(args(get('/', kasirCookie), {})));
    expect(kasir.data).toMatchObject({
      account: { name: KASIR.name, manage: [{ slug, market: 'Karbes Market' }] },
    });
    const shopperCookie = await signInAs(SHOPPER);
    const shopper = await run(() => rootLoader(args(get('/', shopperCookie), {})));
    expect(shopper.data).toMatchObject({ account: { name: SHOPPER.name, manage: [] } });
  });
});

describe('staff order list', () => {
  it("lists the cooperative's orders only, filtered by status", async () => {
    const ours = await order();
    await order('', 'dinoyo', DINOYO_KOPI.id);
    const cookie = await signInAs(KASIR);
    const res = await run<{ orders: { id: string; customer: string; status: string }[]; statuses: string[] }>(
      () => ordersLoader(args(get(`/kelola/${slug}/pesanan?status=PLACED`, cookie), { slug })),
    );
    expect(res.data.orders).toEqual([
      expect.objectContaining({ id: ours.orderId, customer: 'Pembeli', status: 'PLACED' }),
    ]);
    const call = services.current.calls.find((c) => c.url.pathname === `/cooperatives/${slug}/orders`);
    expect(call?.headers.get('Authorization')).toMatch(/^Bearer at\.orders\.per_kb_kasir\./);
    expect(call?.url.searchParams.get('status')).toBe('PLACED');
    const none = await run<{ orders: unknown[] }>(() =>
      ordersLoader(args(get(`/kelola/${slug}/pesanan?status=COMPLETED`, cookie), { slug })),
    );
    expect(none.data.orders).toEqual([]);
  });
});

describe('Pesanan saya', () => {
  it("lists only the signed-in person's orders, placed with their token", async () => {
    const siti = await signInAs(SHOPPER);
    const mine = await order(siti);
    await order(); // a guest's
    await order(await signInAs(KASIR)); // someone else's
    const posts = services.current.calls.filter((c) => c.method === 'POST' && c.url.pathname === '/orders');
    expect(
      posts.map((c) => c.headers.get('Authorization')?.split('.').slice(0, 3).join('.') ?? null),
    ).toEqual(['Bearer at.orders.per_siti', null, 'Bearer at.orders.per_kb_kasir']);
    const res = await run<{ orders: { id: string; market: string; openHere: boolean }[] }>(() =>
      myOrdersLoader(args(get('/akun/pesanan', mine.cookie), {})),
    );
    expect(res.status).toBe(200);
    expect(res.data.orders).toEqual([
      expect.objectContaining({
        id: mine.orderId,
        market: 'Karbes Market',
        total: KERIPIK.price,
        openHere: true,
      }),
    ]);
    expect(JSON.stringify(res.data)).not.toContain('081234567890');
  });

  it('says there is nothing yet, and asks a signed-out visitor to sign in', async () => {
    const cookie = await signInAs(SHOPPER);
    const res = await run(() => myOrdersLoader(args(get('/akun/pesanan', cookie), {})));
    expect(res.data).toEqual({ orders: [], nextCursor: null });
    const anonymous = await run(() => myOrdersLoader(args(get('/akun/pesanan'), {})));
    expect(anonymous.headers.get('Location')).toBe('/masuk?redirectTo=%2Fakun%2Fpesanan');
  });
});

describe('member management (ketua)', () => {
  const people = (fields: Record<string, string | string[]>, cookie: string) =>
    run<Record<string, unknown>>(() =>
      peopleRoute(args(post(`/kelola/${slug}/anggota`, fields, cookie), { slug })),
    );

  it('lists the people of the cooperative with masked phones', async () => {
    const cookie = await signInAs(KETUA);
    const res = await run<{ people: { name: string; phoneMasked: string }[]; isKetua: boolean }>(() =>
      peopleLoader(args(get(`/kelola/${slug}/anggota`, cookie), { slug })),
    );
    expect(res.data.isKetua).toBe(true);
    expect(res.data.people.map((p) => p.name).sort()).toEqual([KETUA.name, KASIR.name, PENGAWAS.name].sort());
    expect(JSON.stringify(res.data)).not.toContain(KASIR.phone);
  });

  it('invites a kasir: shows the one-time code once; with it they set a password and see only kasir pages', async () => {
    const ketua = await signInAs(KETUA);
    const res = await people(
      { intent: 'invite', name: 'Rina Kasir', phone: '0813-5555-0001', role: 'kasir' },
      ketua,
    );
    expect(res.status).toBe(201);
    const issued = res.data.issued as { name: string; resetCode: string };
    expect(issued).toMatchObject({ name: 'Rina Kasir', resetCode: expect.stringMatching(/^KODE/) });
    expect(res.headers.get('Set-Cookie')).toBeNull(); // the code never goes into a cookie
    const invite = services.current.calls.find(
      (c) => c.method === 'POST' && c.url.pathname.endsWith('/people'),
    );
    expect(invite?.body).toEqual({ name: 'Rina Kasir', phone: '+6281355550001', roles: ['kasir'] });
    expect(invite?.headers.get('Authorization')).toMatch(/^Bearer at\.membership\.per_kb_ketua\./);

    const set = await run(() =>
      setPasswordRoute(
        args(
          post('/atur-sandi', {
            phone: '081355550001',
            code: issued.resetCode,
            newPassword: 'sandi-rina-123',
            confirmPassword: 'sandi-rina-123',
          }),
          {},
        ),
      ),
    );
    expect(set.headers.get('Location')).toBe('/masuk?pesan=atur');
    const rina: FakePerson = {
      personId: '',
      name: 'Rina Kasir',
      phone: '+6281355550001',
      password: 'sandi-rina-123',
      grants: [],
      platform: [],
    };
    const rinaShell = await shell(await signInAs(rina));
    expect(rinaShell.data).toMatchObject({
      sections: ['pesanan', 'pembayaran', 'simpanan'],
      roles: ['kasir'],
    });
  });

  it('answers 400 naming the field for a bad invite, inviting nobody', async () => {
    const before = services.current.people.size;
    const res = await people(
      { intent: 'invite', name: 'R', phone: '0812', role: 'raja' },
      await signInAs(KETUA),
    );
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({
      name: 'errors.nameLength',
      phone: 'errors.phone',
      role: 'errors.role',
    });
    expect(services.current.people.size).toBe(before);
  });

  it("passes the member number to link the account to the registry; a malformed one is the field's 400", async () => {
    const ketua = await signInAs(KETUA);
    const res = await people(
      {
        intent: 'invite',
        name: 'Bu Warsini',
        phone: '0813-5555-0002',
        role: 'anggota',
        memberId: ' mbr_kb_warsini ',
      },
      ketua,
    );
    expect(res.status).toBe(201);
    const invite = services.current.calls.findLast(
      (c) => c.method === 'POST' && c.url.pathname.endsWith('/people'),
    );
    expect(invite?.body).toMatchObject({ roles: ['anggota'], memberId: 'mbr_kb_warsini' });
    const before = services.current.calls.length;
    const bad = await people(
      { intent: 'invite', name: 'Bu Warsini', phone: '0813-5555-0003', role: 'anggota', memberId: 'warsini' },
      ketua,
    );
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ memberId: 'errors.memberId' });
    expect(services.current.calls.slice(before).some((c) => c.method === 'POST')).toBe(false);
  });

  it('changes roles (post/redirect/get with a notice) and issues a reset code; the audit trail shows it', async () => {
    const ketua = await signInAs(KETUA);
    const changed = await people(
      { intent: 'roles', personId: KASIR.personId, name: KASIR.name, roles: ['kasir', 'gudang'] },
      ketua,
    );
    expect(changed.status).toBe(302);
    expect(services.current.people.get(KASIR.personId)?.grants[0]?.roles).toEqual(['kasir', 'gudang']);
    const page = await run<{ notice: unknown }>(() =>
      peopleLoader(args(get(`/kelola/${slug}/anggota`, cookiesOf(changed.headers, ketua)), { slug })),
    );
    expect(page.data.notice).toEqual({ key: 'staff.people.rolesSaved', vars: { name: KASIR.name } });

    const code = await people({ intent: 'reset-code', personId: KASIR.personId, name: KASIR.name }, ketua);
    expect(code.status).toBe(201);
    expect(code.data.issued).toMatchObject({ name: KASIR.name, resetCode: expect.any(String) });

    const audit = await run<{ entries: { who: string; action: string; before: string; after: string }[] }>(
      () => auditLoader(args(get(`/kelola/${slug}/audit`, ketua), { slug })),
    );
    expect(audit.data.entries[0]).toMatchObject({
      who: KETUA.name,
      action: 'membership.role.assigned',
      before: '{"roles":["kasir"]}',
      after: '{"roles":["kasir","gudang"]}',
    });
  });

  it('lets only the ketua change anything: a pengurus who is not ketua gets 403, nothing changed', async () => {
    services.current.people.get(KETUA.personId)!.grants[0]!.position = 'sekretaris';
    const res = await people(
      { intent: 'roles', personId: KASIR.personId, roles: ['pengurus'] },
      await signInAs(KETUA),
    );
    expect(res.status).toBe(403);
    expect(res.data.errors).toEqual({ form: 'errors.notAllowed' });
    expect(services.current.people.get(KASIR.personId)?.grants[0]?.roles).toEqual(['kasir']);
  });

  it('lets the pengawas read the audit trail but not open member management', async () => {
    const cookie = await signInAs(PENGAWAS);
    expect((await run(() => auditLoader(args(get(`/kelola/${slug}/audit`, cookie), { slug })))).status).toBe(
      200,
    );
    expect(
      (await run(() => peopleLoader(args(get(`/kelola/${slug}/anggota`, cookie), { slug })))).status,
    ).toBe(404);
  });
});
