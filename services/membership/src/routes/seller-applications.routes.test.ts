import { SellerApproved } from '@pasar/contracts';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/fakes';
import { sellerFixture } from '../testing/sellers';
import { repairSellers } from '../use-cases/complete-approval';

const approvedEvents = (f: Awaited<ReturnType<typeof sellerFixture>>) =>
  f.sellers.events.filter((e) => e.type === SellerApproved.type);

describe('POST /cooperatives/:id/seller-applications', () => {
  it('files a pending application for the member linked to the account', async () => {
    const f = await sellerFixture();

    const res = await f.call('sri', 'POST', f.apps(), { ...f.shop, shopName: '  Keripik Bu Sri  ' });

    expect(res.status).toBe(201);
    const view = await json(res);
    expect(view).toMatchObject({
      memberId: 'mbr_sri',
      cooperativeId: 'karangbesuki',
      shopName: 'Keripik Bu Sri',
      handoff: 'drop_off',
      status: 'pending',
      decidedAt: null,
      declineReason: null,
    });
    expect(view.applicationId).toMatch(/^sap_[0-9A-Za-z]{22}$/);
    expect(f.applications.rows.get(view.applicationId)?.personId).toBe('per_sri');
  });

  it.each([
    [{ shopName: '' }, 'shopName'],
    [{ shopName: '   ' }, 'shopName'],
    [{ shopName: 'x'.repeat(81) }, 'shopName'],
    [{ description: 'x'.repeat(501) }, 'description'],
    [{ handoff: 'courier' }, 'handoff'],
    [{ phone: '081234567890' }, ''],
  ])('refuses %j with a 400 naming %s', async (change, field) => {
    const f = await sellerFixture();
    const res = await f.call('sri', 'POST', f.apps(), { ...f.shop, ...change });
    expect(res.status).toBe(400);
    const body = await json(res);
    if (field) expect(body.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    expect(f.applications.rows.size).toBe(0);
  });

  it('accepts a one-character shop name and no description', async () => {
    const f = await sellerFixture();
    const res = await f.call('sri', 'POST', f.apps(), { shopName: 'S', handoff: 'outlet_pickup' });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ shopName: 'S', description: '' });
  });

  it('refuses an account without a member record here (409), and a second open application', async () => {
    const f = await sellerFixture();
    const unlinked = await f.call('unlinked', 'POST', f.apps(), f.shop);
    expect(unlinked.status).toBe(409);
    expect((await json(unlinked)).code).toBe('SELLER_APPLICATION.NOT_A_MEMBER');

    const first = await f.apply();
    const second = await f.call('sri', 'POST', f.apps(), f.shop);
    expect(second.status).toBe(409);
    expect(await json(second)).toMatchObject({
      code: 'SELLER_APPLICATION.ALREADY_OPEN',
      details: { applicationId: first },
    });
  });

  it('lets a declined member apply again, but not a seller (active or suspended)', async () => {
    const f = await sellerFixture();
    const first = await f.apply();
    await f.call('ketua', 'POST', `${f.apps()}/${first}/decline`, { reason: 'Lengkapi izin PIRT dulu' });
    const again = await f.apply();
    expect((await f.approve(again)).status).toBe(200);

    const res = await f.call('sri', 'POST', f.apps(), f.shop);
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('SELLER.ALREADY_REGISTERED');
    await f.call('ketua', 'POST', '/cooperatives/karangbesuki/sellers/mbr_sri/suspend', {
      reason: 'Uji' + 'coba',
    });
    const whileSuspended = await f.call('sri', 'POST', f.apps(), f.shop);
    expect((await json(whileSuspended)).code).toBe('SELLER.ALREADY_REGISTERED');
  });

  it('is for anggota of that cooperative: 401 without a token, 403 for a kasir, 404 elsewhere', async () => {
    const f = await sellerFixture();
    expect((await f.call(null, 'POST', f.apps(), f.shop)).status).toBe(401);
    expect((await f.call('kasir', 'POST', f.apps(), f.shop)).status).toBe(403);
    expect((await f.call('dnMember', 'POST', f.apps(), f.shop)).status).toBe(404);
    expect(f.applications.rows.size).toBe(0);
  });
});

describe('reading applications', () => {
  it('shows a member only their own, with the decline reason, newest first', async () => {
    const f = await sellerFixture();
    const sri = await f.apply('sri');
    const rina = await f.apply('rina');
    await f.call('ketua', 'POST', `${f.apps()}/${sri}/decline`, { reason: 'Foto produk belum ada' });
    f.clock.advance(60);
    const sriAgain = await f.apply('sri');

    const res = await f.call('sri', 'GET', `${f.apps()}/mine`);

    expect(res.status).toBe(200);
    const { items } = await json(res);
    expect(items.map((a: { applicationId: string }) => a.applicationId)).toEqual([sriAgain, sri]);
    expect(items[1]).toMatchObject({ status: 'declined', declineReason: 'Foto produk belum ada' });
    expect(JSON.stringify(items)).not.toContain(rina);
  });

  it('gives one application to its applicant and the board; another member gets 404', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    const one = (who: Parameters<typeof f.call>[0]) => f.call(who, 'GET', `${f.apps()}/${id}`);

    expect((await one('sri')).status).toBe(200);
    expect((await one('pengawas')).status).toBe(200);
    expect((await one('ketua')).status).toBe(200);
    const other = await one('rina');
    expect(other.status).toBe(404);
    expect((await json(other)).code).toBe('SELLER_APPLICATION.NOT_FOUND');
    expect((await one('dnKetua')).status).toBe(404);
    const viaOtherCoop = await f.call('dnKetua', 'GET', `${f.apps('dinoyo')}/${id}`);
    expect(viaOtherCoop.status).toBe(404);
    expect((await f.call('sri', 'GET', `${f.apps()}/mine`)).status).toBe(200);
  });

  it('lists the queue for pengurus and pengawas, filtered by status; members get 403', async () => {
    const f = await sellerFixture();
    const sri = await f.apply('sri');
    const rina = await f.apply('rina');
    await f.approve(rina);

    const pending = await json(await f.call('pengawas', 'GET', `${f.apps()}?status=pending`));
    expect(pending.items.map((a: { applicationId: string }) => a.applicationId)).toEqual([sri]);
    const all = await json(await f.call('bendahara', 'GET', f.apps()));
    expect(all.items).toHaveLength(2);
    expect((await f.call('sri', 'GET', f.apps())).status).toBe(403);
    expect((await f.call('dnKetua', 'GET', f.apps())).status).toBe(404);
    const bad = await f.call('ketua', 'GET', `${f.apps()}?status=open`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('status');
  });
});

describe('approving', () => {
  it('makes the member a seller: SellerApproved once, penjual on the account and in the registry, audited', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');

    const res = await f.approve(id, 'bendahara');

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ applicationId: id, status: 'approved', declineReason: null });
    expect(f.sellers.rows.get('mbr_sri')).toMatchObject({
      personId: 'per_sri',
      shopName: 'Keripik Bu Sri',
      status: 'active',
      applicationId: id,
      followUp: 'done',
    });
    const [approved, ...rest] = f.sellers.events;
    expect(approved).toMatchObject({
      type: SellerApproved.type,
      subject: 'mbr_sri',
      cooperativeid: 'karangbesuki',
      data: {
        sellerId: 'mbr_sri',
        personId: 'per_sri',
        cooperativeId: 'karangbesuki',
        shopName: 'Keripik Bu Sri',
        description: 'Keripik tempe dan singkong',
        handoff: 'drop_off',
      },
    });
    expect(rest.map((e) => (e.data as { action: string }).action)).toEqual(['membership.seller.approved']);
    expect(rest[0]?.data).toMatchObject({ actorId: 'per_bendahara', actorRoles: ['pengurus'] });
    const person = await f.people.findById('per_sri');
    expect(person?.grants).toEqual([{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }]);
    expect(f.people.events.at(-1)?.data).toMatchObject({
      action: 'membership.role.assigned',
      actorId: 'per_bendahara',
      target: { type: 'person', id: 'per_sri' },
      before: { roles: ['anggota'] },
      after: { roles: ['anggota', 'penjual'] },
    });
    expect(f.members.rows.get('mbr_sri')?.roles).toEqual(['anggota', 'penjual']);
    // The next token minted for the account carries the role.
    const claims = decodeJwt(await f.tokenFor(person!));
    expect(claims.grants).toEqual([{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }]);
    expect(f.nudges()).toEqual(expect.arrayContaining(['seller:mbr_sri', 'person:per_sri']));
  });

  it('refuses a decided application (409) without a second event', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    await f.approve(id);

    const again = await f.approve(id);

    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('SELLER_APPLICATION.ALREADY_DECIDED');
    expect(approvedEvents(f)).toHaveLength(1);
  });

  it('finishes the same approval when retried after a crash left it half-done', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    const update = f.people.update.bind(f.people);
    f.people.update = async () => {
      throw new Error('connection lost');
    };
    expect((await f.approve(id)).status).toBe(500);
    expect(f.sellers.rows.get('mbr_sri')?.followUp).toBe('pending');
    f.people.update = update;

    // The application was already marked approved, so a retry is refused; the repair finishes it.
    expect((await f.approve(id)).status).toBe(409);
    expect(await repairSellers(f.deps)).toBe(1);

    expect((await f.people.findById('per_sri'))?.grants[0]?.roles).toContain('penjual');
    expect(f.sellers.rows.get('mbr_sri')?.followUp).toBe('done');
    expect(approvedEvents(f)).toHaveLength(1);
    expect(await repairSellers(f.deps)).toBe(0);
  });

  it('finishes a pending application whose seller was stored before a crash, on the next approve', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    const update = f.applications.update.bind(f.applications);
    f.applications.update = async () => {
      throw new Error('connection lost');
    };
    expect((await f.approve(id)).status).toBe(500);
    f.applications.update = update;
    expect(f.applications.rows.get(id)?.status).toBe('pending');

    const retry = await f.approve(id);

    expect(retry.status).toBe(200);
    expect((await json(retry)).status).toBe('approved');
    expect(approvedEvents(f)).toHaveLength(1);
    expect((await f.people.findById('per_sri'))?.grants[0]?.roles).toContain('penjual');
  });

  it('is for pengurus of that cooperative: members 403, another cooperative 404', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    const dnId = await f.apply('dnMember', 'dinoyo');

    expect((await f.approve(id, 'sri')).status).toBe(403);
    expect((await f.approve(id, 'pengawas')).status).toBe(403);
    expect((await f.approve(id, 'dnKetua')).status).toBe(404);
    // dinoyo's application named through karangbesuki's path does not exist there
    const cross = await f.approve(dnId, 'ketua');
    expect(cross.status).toBe(404);
    expect((await json(cross)).code).toBe('SELLER_APPLICATION.NOT_FOUND');
    expect((await f.approve('sap_missing1', 'ketua')).status).toBe(404);
    expect((await f.approve('not-an-id', 'ketua')).status).toBe(400);
    expect(f.sellers.rows.size).toBe(0);
  });
});

describe('declining', () => {
  it('records the reason the applicant reads, audited', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');

    const res = await f.call('ketua', 'POST', `${f.apps()}/${id}/decline`, {
      reason: '  Belum ada izin PIRT ',
    });

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'declined', declineReason: 'Belum ada izin PIRT' });
    expect(f.applications.events.map((e) => e.data)).toEqual([
      expect.objectContaining({
        action: 'membership.seller-application.declined',
        actorId: 'per_ketua',
        target: { type: 'seller-application', id },
        after: { status: 'declined', reason: 'Belum ada izin PIRT' },
      }),
    ]);
    expect(f.nudges()).toContain(`seller-application:${id}`);
    expect((await f.people.findById('per_sri'))?.grants[0]?.roles).toEqual(['anggota']);
  });

  it('needs a reason (400 naming it) and a pending application (409)', async () => {
    const f = await sellerFixture();
    const id = await f.apply('sri');
    const missing = await f.call('ketua', 'POST', `${f.apps()}/${id}/decline`, {});
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await json(missing))).toContain('reason');
    await f.approve(id);
    const late = await f.call('ketua', 'POST', `${f.apps()}/${id}/decline`, { reason: 'Terlambat' });
    expect(late.status).toBe(409);
    expect((await json(late)).code).toBe('SELLER_APPLICATION.ALREADY_DECIDED');
  });
});
