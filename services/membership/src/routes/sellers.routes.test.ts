import { SellerReinstated, SellerSuspended } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { json } from '../testing/fakes';
import { sellerFixture } from '../testing/sellers';

/** Sri applied and was approved. */
async function withSeller() {
  const f = await sellerFixture();
  await f.approve(await f.apply('sri'));
  const sellers = (coop = 'karangbesuki') => `/cooperatives/${coop}/sellers`;
  const suspend = (who: Parameters<typeof f.call>[0], sellerId = 'mbr_sri', coop = 'karangbesuki') =>
    f.call(who, 'POST', `${sellers(coop)}/${sellerId}/suspend`, { reason: 'Menjual barang kedaluwarsa' });
  const reinstate = (who: Parameters<typeof f.call>[0], sellerId = 'mbr_sri', coop = 'karangbesuki') =>
    f.call(who, 'POST', `${sellers(coop)}/${sellerId}/reinstate`);
  return { ...f, sellersPath: sellers, suspend, reinstate };
}

describe('GET /cooperatives/:id/sellers', () => {
  it('lists each seller with status, shop and since, for pengurus and pengawas', async () => {
    const f = await withSeller();
    const res = await f.call('pengawas', 'GET', f.sellersPath());
    expect(res.status).toBe(200);
    expect((await json(res)).items).toEqual([
      {
        sellerId: 'mbr_sri',
        cooperativeId: 'karangbesuki',
        shopName: 'Keripik Bu Sri',
        description: 'Keripik tempe dan singkong',
        handoff: 'drop_off',
        status: 'active',
        since: f.clock.now().toISOString(),
        suspendedAt: null,
        suspensionReason: null,
      },
    ]);
    expect((await f.call('sri', 'GET', f.sellersPath())).status).toBe(403);
    expect((await f.call('dnKetua', 'GET', f.sellersPath())).status).toBe(404);
    expect((await json(await f.call('dnKetua', 'GET', f.sellersPath('dinoyo')))).items).toEqual([]);
  });
});

describe('suspending and reinstating', () => {
  it('suspends with SellerSuspended and an audit entry; the penjual role stays', async () => {
    const f = await withSeller();
    const before = f.sellers.events.length;

    const res = await f.suspend('ketua');

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Menjual barang kedaluwarsa',
      suspendedAt: f.clock.now().toISOString(),
    });
    const [event, audit] = f.sellers.events.slice(before);
    expect(event).toMatchObject({
      type: SellerSuspended.type,
      subject: 'mbr_sri',
      data: { sellerId: 'mbr_sri', personId: 'per_sri', reason: 'Menjual barang kedaluwarsa' },
    });
    expect(audit?.data).toMatchObject({
      action: 'membership.seller.suspended',
      actorId: 'per_ketua',
      target: { type: 'seller', id: 'mbr_sri' },
      before: { status: 'active' },
      after: { status: 'suspended', reason: 'Menjual barang kedaluwarsa' },
    });
    expect((await f.people.findById('per_sri'))?.grants[0]?.roles).toContain('penjual');
    expect(f.sellers.rows.get('mbr_sri')?.followUp).toBe('done');
  });

  it('reinstates with SellerReinstated; each command on the wrong status is a 409', async () => {
    const f = await withSeller();
    expect((await f.reinstate('ketua')).status).toBe(409);
    await f.suspend('ketua');
    const twice = await f.suspend('bendahara');
    expect(twice.status).toBe(409);
    expect((await json(twice)).code).toBe('SELLER.ALREADY_SUSPENDED');
    const before = f.sellers.events.length;

    const res = await f.reinstate('bendahara');

    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'active', suspendedAt: null, suspensionReason: null });
    const [event, audit] = f.sellers.events.slice(before);
    expect(event).toMatchObject({ type: SellerReinstated.type, subject: 'mbr_sri' });
    expect(audit?.data).toMatchObject({
      action: 'membership.seller.reinstated',
      actorId: 'per_bendahara',
      before: { status: 'suspended', reason: 'Menjual barang kedaluwarsa' },
      after: { status: 'active' },
    });
    const again = await f.reinstate('ketua');
    expect((await json(again)).code).toBe('SELLER.NOT_SUSPENDED');
  });

  it('is for pengurus of that cooperative; another cooperative and unknown sellers answer 404', async () => {
    const f = await withSeller();
    expect((await f.suspend('pengawas')).status).toBe(403);
    expect((await f.suspend('sri')).status).toBe(403);
    expect((await f.suspend('dnKetua')).status).toBe(404);
    const cross = await f.suspend('dnKetua', 'mbr_sri', 'dinoyo');
    expect(cross.status).toBe(404);
    expect((await json(cross)).code).toBe('SELLER.NOT_FOUND');
    expect((await f.suspend('ketua', 'mbr_rina')).status).toBe(404);
    expect((await f.reinstate('dnKetua', 'mbr_sri', 'dinoyo')).status).toBe(404);
    expect(f.sellers.rows.get('mbr_sri')?.status).toBe('active');
  });

  it('needs a reason to suspend (400 naming it)', async () => {
    const f = await withSeller();
    for (const body of [{}, { reason: ' ' }, { reason: 'x'.repeat(501) }]) {
      const res = await f.call('ketua', 'POST', `${f.sellersPath()}/mbr_sri/suspend`, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await json(res))).toContain('reason');
    }
  });
});
