import { AuditRecorded, SellerApproved, SellerSuspended } from '@pasar/contracts';
import { DEMO_SELLERS, demoAccount } from '@pasar/demo-data';
import { readTopics, testBus } from '@pasar/events/testing';
import { type spawnService, testDatabase, waitFor } from '@pasar/testkit';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOperatorDeps } from '../admin/operator-deps';
import { seedDemo } from '../seed/seed-demo';
import { membershipTokenOf, spawnMembership } from '../testing/service';

/**
 * The seller registry over the real broker and FerretDB: the demo seed's sellers and an approval
 * reach membership.seller.v1 exactly once each, and the approved member's next token carries penjual.
 */
const bus = testBus('membership-sellers-test');
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let db: Awaited<ReturnType<typeof testDatabase>>;
let operator: Awaited<ReturnType<typeof openOperatorDeps>>;

const call = async (method: string, path: string, token: string, body?: unknown) => {
  const res = await fetch(`${service.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

/** Signs in over HTTP; returns the membership token. */
const tokenOf = (account: { phone: string; password: string }) =>
  membershipTokenOf(service.url, account.phone, account.password);

const sellerRecords = (sellerId: string) => reader.records.filter((r) => r.key === sellerId);

beforeAll(async () => {
  db = await testDatabase('membership-sellers');
  process.env.MONGO_URL = db.url;
  operator = await openOperatorDeps('sellers-test');
  // Seeded before the service starts: its first relay sweep publishes what the seed left in the outboxes.
  await seedDemo(operator.deps);
  service = await spawnMembership(db.url, bus.topicPrefix, 'sellers-test');
  reader = await readTopics(bus, [SellerApproved.topic, AuditRecorded.topic]);
}, 120_000);
afterAll(async () => {
  await operator?.close();
  await reader?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
});

describe('the seller registry over the real broker', () => {
  it('publishes SellerApproved for every demo seller the seed registered', async () => {
    for (const demo of DEMO_SELLERS) {
      const event = await reader.waitFor(SellerApproved.type, demo.sellerId);
      expect(SellerApproved.envelope.parse(event).data).toEqual({
        sellerId: demo.sellerId,
        personId: demo.personId,
        cooperativeId: demo.cooperativeId,
        shopName: demo.shopName,
        description: demo.description,
        handoff: demo.handoff,
      });
    }
  });

  it('approval publishes SellerApproved exactly once and the next token carries penjual', async () => {
    const anggota = demoAccount('anggota', 'karangbesuki');
    const memberToken = await tokenOf(anggota);
    expect(decodeJwt(memberToken).grants).toEqual([{ cooperativeId: 'karangbesuki', roles: ['anggota'] }]);
    const ketuaToken = await tokenOf(demoAccount('ketua', 'karangbesuki'));
    const base = '/cooperatives/karangbesuki/seller-applications';
    const applied = await call('POST', base, memberToken, {
      shopName: 'Jamu Bu Siti',
      description: 'Jamu kunyit asam dan beras kencur',
      handoff: 'drop_off',
    });
    expect(applied.status).toBe(201);
    const id = applied.body.applicationId as string;

    const approved = await call('POST', `${base}/${id}/approve`, ketuaToken);
    expect(approved.status).toBe(200);
    expect((await call('POST', `${base}/${id}/approve`, ketuaToken)).status).toBe(409);

    const event = await reader.waitFor(SellerApproved.type, 'mbr_kb_siti');
    expect(event.data).toMatchObject({
      sellerId: 'mbr_kb_siti',
      personId: anggota.personId,
      shopName: 'Jamu Bu Siti',
    });
    // A later event of the same key (same partition) is the barrier: everything before it has arrived.
    const suspended = await call(
      'POST',
      '/cooperatives/karangbesuki/sellers/mbr_kb_siti/suspend',
      ketuaToken,
      {
        reason: 'Uji urutan peristiwa',
      },
    );
    expect(suspended.status).toBe(200);
    await reader.waitFor(SellerSuspended.type, 'mbr_kb_siti');
    expect(sellerRecords('mbr_kb_siti').map((r) => [r.topic, r.envelope.type])).toEqual([
      ['membership.seller.v1', SellerApproved.type],
      ['membership.seller.v1', SellerSuspended.type],
    ]);

    const again = decodeJwt(await tokenOf(anggota));
    expect(again.grants).toEqual([{ cooperativeId: 'karangbesuki', roles: ['anggota', 'penjual'] }]);
    type Audit = { action: string; target: { id: string }; after?: { roles?: string[] } };
    const audit = await waitFor(
      () =>
        reader.records.find((r) => {
          const d = r.envelope.data as Audit;
          return (
            r.envelope.type === AuditRecorded.type &&
            d.action === 'membership.role.assigned' &&
            d.target.id === anggota.personId &&
            !!d.after?.roles?.includes('penjual')
          );
        }),
      { what: 'the role grant AuditRecorded', timeoutMs: 30_000 },
    );
    expect(audit.envelope.data).toMatchObject({
      actorId: demoAccount('ketua', 'karangbesuki').personId,
      before: { roles: ['anggota'] },
      after: { roles: ['anggota', 'penjual'] },
    });
  });
});
