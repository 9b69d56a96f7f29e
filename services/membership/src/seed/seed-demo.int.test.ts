import { DEMO_ACCOUNTS, DEMO_COOPERATIVES, DEMO_MEMBERS, DEMO_SELLERS, demoAccount } from '@pasar/demo-data';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOperatorDeps } from '../admin/operator-deps';
import { verifyPassword } from '../domain/password';
import type { SellersDeps } from '../use-cases/ports';
import { signIn } from '../use-cases/sign-in';
import { demoAccountsTable } from './seed-accounts';
import { seedDemo } from './seed-demo';

let db: Awaited<ReturnType<typeof testDatabase>>;
let deps: SellersDeps;
let close: () => Promise<void>;
beforeAll(async () => {
  db = await testDatabase('membership-seed');
  process.env.MONGO_URL = db.url;
  ({ deps, close } = await openOperatorDeps('seed-test'));
});
afterAll(async () => {
  await close();
  await db.drop();
});

const grantEvents = DEMO_ACCOUNTS.reduce((n, a) => n + a.grants.length, 0);

const pendingEvents = async () =>
  (await db.conn.collection('cooperatives').find().toArray()).flatMap((d) => d.outbox ?? []).length +
  (await db.conn.collection('members').find().toArray()).flatMap((d) => d.outbox ?? []).length +
  (await db.conn.collection('people').find().toArray()).flatMap((d) => d.outbox ?? []).length;

/** Per seller document (in DEMO_SELLERS order): its id and the types of its pending events. */
const sellerEvents = async () => {
  const docs = await db.conn.collection('sellers').find().toArray();
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  return DEMO_SELLERS.map((s) => [
    s.sellerId,
    ...(byId.get(s.sellerId)?.outbox ?? []).map((o: { envelope: { type: string } }) => o.envelope.type),
  ]);
};

describe('seedDemo', () => {
  it('registers the demo data once, with one event each, and a second run changes nothing', async () => {
    const first = await seedDemo(deps);
    expect(first).toEqual({
      cooperatives: { registered: DEMO_COOPERATIVES.length, updated: 0, unchanged: 0 },
      members: { registered: DEMO_MEMBERS.length, existing: 0, linked: 0 },
      accounts: { created: DEMO_ACCOUNTS.length, updated: 0, unchanged: 0 },
      sellers: { registered: DEMO_SELLERS.length, existing: 0 },
    });
    expect(await pendingEvents()).toBe(DEMO_COOPERATIVES.length + DEMO_MEMBERS.length + grantEvents);

    const second = await seedDemo(deps);

    expect(second).toEqual({
      cooperatives: { registered: 0, updated: 0, unchanged: DEMO_COOPERATIVES.length },
      members: { registered: 0, existing: DEMO_MEMBERS.length, linked: 0 },
      accounts: { created: 0, updated: 0, unchanged: DEMO_ACCOUNTS.length },
      sellers: { registered: 0, existing: DEMO_SELLERS.length },
    });
    expect(await pendingEvents()).toBe(DEMO_COOPERATIVES.length + DEMO_MEMBERS.length + grantEvents);
    expect(await sellerEvents()).toEqual(
      DEMO_SELLERS.map((s) => [s.sellerId, 'pasar.membership.seller.approved', 'pasar.audit.entry.recorded']),
    );
    expect((await deps.cooperatives.findById('karangbesuki'))?.marketName).toBe('Karbes Market');
  });

  it('puts a drifted cooperative back to the demo values with CooperativeUpdated', async () => {
    const current = await deps.cooperatives.findById('dinoyo');
    await deps.cooperatives.update(
      { ...current!, deliveryFee: 1, version: current!.version + 1 },
      current!.version,
      [],
    );

    const report = await seedDemo(deps);

    expect(report.cooperatives).toEqual({ registered: 0, updated: 1, unchanged: 2 });
    const raw = await db.conn.collection('cooperatives').findOne({ _id: 'dinoyo' as never });
    expect(raw?.outbox.at(-1).envelope).toMatchObject({
      type: 'pasar.membership.cooperative.updated',
      data: { deliveryFee: 7_000 },
    });
  });
});

describe('demo sellers', () => {
  it('are active sellers linked to their accounts, which hold penjual, with the demo shop facts', async () => {
    for (const demo of DEMO_SELLERS) {
      const seller = await deps.sellers.findById(demo.sellerId);
      expect(seller, demo.sellerId).toMatchObject({
        personId: demo.personId,
        shopName: demo.shopName,
        status: 'active',
        followUp: 'done',
      });
      expect((await deps.members.findById(demo.sellerId))?.personId).toBe(demo.personId);
      const person = await deps.people.findById(demo.personId);
      expect(person?.grants.find((g) => g.cooperativeId === demo.cooperativeId)?.roles).toContain('penjual');
    }
  });

  it('links a member seeded before the link to its demo account, once', async () => {
    await db.conn
      .collection('members')
      .updateOne({ _id: 'mbr_kb_siti' as never }, { $set: { personId: null } });

    expect((await seedDemo(deps)).members.linked).toBe(1);
    expect((await deps.members.findByPerson('karangbesuki', 'per_kb_anggota'))?.memberId).toBe('mbr_kb_siti');
    expect((await seedDemo(deps)).members.linked).toBe(0);
  });
});

describe('demo accounts', () => {
  it('sign in with their demo passwords and carry their grants', async () => {
    const kasir = demoAccount('kasir', 'karangbesuki');
    const res = await signIn(deps, { phone: kasir.phone, password: 'karbes-kasir-2026', address: 'test' });
    expect(res.person.grants).toEqual([{ cooperativeId: 'karangbesuki', roles: ['kasir'] }]);
    const ketua = await deps.people.findById(demoAccount('ketua', 'bumiayu').personId);
    expect(ketua?.grants).toEqual([
      { cooperativeId: 'bumiayu', roles: ['anggota', 'pengurus'], position: 'ketua' },
    ]);
    expect(await verifyPassword(ketua!.passwordHash!, 'bumiayu-ketua-2026')).toBe(true);
    expect((await deps.people.findById('per_dinas_malang'))?.platform).toEqual(['dinas']);
  });

  it('puts a changed password back, and prints a table of every account', async () => {
    const p = (await deps.people.findById('per_kb_gudang'))!;
    await deps.people.update({ ...p, passwordHash: null, version: p.version + 1 }, p.version, []);
    expect((await seedDemo(deps)).accounts).toEqual({
      created: 0,
      updated: 1,
      unchanged: DEMO_ACCOUNTS.length - 1,
    });
    const table = demoAccountsTable();
    expect(table).toHaveLength(DEMO_ACCOUNTS.length + 2);
    expect(table.find((l) => l.includes('karbes-kasir-2026'))).toMatch(
      /^0811-0000-0105\s+kasir\s+karangbesuki/,
    );
  });

  it('refuses to seed accounts in production', async () => {
    const { seedAccounts } = await import('./seed-accounts');
    await expect(seedAccounts(deps, 'production')).rejects.toThrow(/production/);
  });
});
