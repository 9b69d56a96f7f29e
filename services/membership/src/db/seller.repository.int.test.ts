import { newEvent, SellerApproved } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sellerSnapshot } from '../domain/seller';
import { aSeller, anApplication } from '../testing/sellers';
import { createSellerRepository } from './seller.repository';
import { createSellerApplicationRepository } from './seller-application.repository';

let db: Awaited<ReturnType<typeof testDatabase>>;
let sellers: ReturnType<typeof createSellerRepository>;
let applications: ReturnType<typeof createSellerApplicationRepository>;
beforeAll(async () => {
  db = await testDatabase('membership-sellers');
  sellers = createSellerRepository(db.conn);
  applications = createSellerApplicationRepository(db.conn);
  await Promise.all([sellers.init(), applications.init()]);
});
afterAll(() => db.drop());

describe('seller application repository on FerretDB', () => {
  it('keeps one pending application per member, and another once it is decided', async () => {
    const first = anApplication({ applicationId: 'sap_one1', memberId: 'mbr_a' });
    expect(await applications.insert(first, [])).toBe('inserted');
    expect(
      await applications.insert(anApplication({ applicationId: 'sap_two1', memberId: 'mbr_a' }), []),
    ).toBe('duplicate-open');
    expect((await applications.findOpen('karangbesuki', 'mbr_a'))?.applicationId).toBe('sap_one1');
    // another cooperative's member with the same id is someone else
    expect(
      await applications.insert(
        anApplication({ applicationId: 'sap_dn1', memberId: 'mbr_a', cooperativeId: 'dinoyo' }),
        [],
      ),
    ).toBe('inserted');

    const declined = {
      ...first,
      status: 'declined' as const,
      decision: { by: 'per_k', at: new Date(), reason: 'Belum' },
      version: 2,
    };
    expect(await applications.update(declined, 1, [])).toBe(true);
    expect(await applications.update(declined, 1, [])).toBe(false);

    expect(
      await applications.insert(anApplication({ applicationId: 'sap_two1', memberId: 'mbr_a' }), []),
    ).toBe('inserted');
    expect(await applications.findById('sap_one1')).toEqual(declined);
    const mine = await applications.listByPerson('karangbesuki', 'per_sri');
    expect(mine.map((a) => a.applicationId).sort()).toEqual(['sap_one1', 'sap_two1']);
    const pending = await applications.listByCooperative('karangbesuki', 'pending');
    expect(pending.map((a) => a.applicationId)).toEqual(['sap_two1']);
  });
});

describe('seller repository on FerretDB', () => {
  it('stores a seller with SellerApproved in its outbox, versioned, and tracks the follow-up', async () => {
    const s = aSeller({ sellerId: 'mbr_s1', followUp: 'pending' });
    const evt = newEvent(SellerApproved, s.sellerId, sellerSnapshot(s), {
      source: 'urn:pasar:test',
      cooperativeId: s.cooperativeId,
    });
    expect(await sellers.insert(s, [evt])).toBe(true);
    expect(await sellers.insert(s, [])).toBe(false);
    expect(await sellers.findById('mbr_s1')).toEqual(s);
    const raw = await db.conn.collection('sellers').findOne({ _id: 'mbr_s1' as never });
    expect(raw?.outbox).toMatchObject([{ topic: 'membership.seller.v1', key: 'mbr_s1' }]);

    expect((await sellers.listFollowUpPending()).map((x) => x.sellerId)).toEqual(['mbr_s1']);
    const suspended = {
      ...s,
      status: 'suspended' as const,
      suspension: { reason: 'Uji', by: 'per_k', at: new Date() },
      version: 2,
    };
    expect(await sellers.update(suspended, 1, [])).toBe(true);
    expect(await sellers.update(suspended, 1, [])).toBe(false);
    await sellers.markFollowUpDone('mbr_s1');
    expect(await sellers.listFollowUpPending()).toEqual([]);
    expect(await sellers.findById('mbr_s1')).toEqual({ ...suspended, followUp: 'done' });
    expect((await sellers.listByCooperative('karangbesuki')).map((x) => x.sellerId)).toEqual(['mbr_s1']);
    expect(await sellers.listByCooperative('dinoyo')).toEqual([]);
  });
});
