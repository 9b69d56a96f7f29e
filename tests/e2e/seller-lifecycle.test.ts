import { demoAccount } from '@pasar/demo-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, signIn } from '../lib/accounts';
import { api, type SignedIn, startTestMarket, type TestMarket } from '../lib/market';

/**
 * Issue 10, becoming a seller, across the running services: a member applies from their account, a
 * pengurus approves, the member's next sign-in carries penjual; the board suspends and reinstates;
 * another cooperative's pengurus and another member of the same cooperative see nothing.
 */
let m: TestMarket;
const A = 'karangbesuki';
const anggota = demoAccount('anggota', A);
const people: Record<'member' | 'ketua' | 'otherMember' | 'otherKetua', SignedIn> = {} as never;

const as = (who: keyof typeof people) => people[who].auth('membership');
const membership = (path: string) => `${m.urls.membership}${path}`;
/** The access token's grant in a cooperative (the claims are read, not verified: each service verifies). */
const grantsIn = (token: string, coop: string) => {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
  return (claims.grants as { cooperativeId: string; roles: string[] }[]).find(
    (g) => g.cooperativeId === coop,
  );
};

beforeAll(async () => {
  m = await startTestMarket();
  await seedDemo(m);
  const login = (a: { phone: string; password: string }) => signIn(m, a.phone, a.password);
  people.member = await login(anggota);
  people.ketua = await login(demoAccount('ketua', A));
  people.otherMember = await login(demoAccount('penjual', A));
  people.otherKetua = await login(demoAccount('ketua', 'dinoyo'));
}, 300_000);

afterAll(async () => {
  await m?.stop();
});

describe('seller lifecycle', () => {
  let applicationId: string;
  const apps = (coop = A) => `/cooperatives/${coop}/seller-applications`;

  it('a member applies from their account', async () => {
    expect(grantsIn(people.member.tokens.catalog, A)?.roles).toEqual(['anggota']);

    const res = await api(membership(apps()), {
      headers: as('member'),
      body: {
        shopName: 'Jamu Bu Siti',
        description: 'Jamu kunyit asam dan beras kencur',
        handoff: 'drop_off',
      },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ memberId: anggota.memberId, status: 'pending' });
    applicationId = res.body.applicationId;
    const mine = await api(membership(`${apps()}/mine`), { headers: as('member') });
    expect(mine.body.items.map((a: { applicationId: string }) => a.applicationId)).toEqual([applicationId]);
  });

  it('another member of the same cooperative cannot read the application', async () => {
    const one = await api(membership(`${apps()}/${applicationId}`), { headers: as('otherMember') });
    expect(one.status).toBe(404);
    expect((await api(membership(apps()), { headers: as('otherMember') })).status).toBe(403);
    const theirs = await api(membership(`${apps()}/mine`), { headers: as('otherMember') });
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body)).not.toContain(applicationId);
    expect((await api(membership(`${apps()}/${applicationId}`), { headers: as('member') })).status).toBe(200);
  });

  it("another cooperative's pengurus gets 404 for it, through either path", async () => {
    for (const coop of [A, 'dinoyo']) {
      const res = await api(membership(`${apps(coop)}/${applicationId}/approve`), {
        method: 'POST',
        headers: as('otherKetua'),
      });
      expect(res.status, coop).toBe(404);
    }
    const queue = await api(membership(`${apps()}?status=pending`), { headers: as('ketua') });
    expect(queue.body.items.map((a: { applicationId: string }) => a.applicationId)).toContain(applicationId);
  });

  it('a pengurus approves, and the member signs in again with penjual in the token', async () => {
    const res = await api(membership(`${apps()}/${applicationId}/approve`), {
      method: 'POST',
      headers: as('ketua'),
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');

    const again = await signIn(m, anggota.phone, anggota.password);

    for (const service of ['catalog', 'orders', 'payments', 'membership'] as const)
      expect(grantsIn(again.tokens[service], A)?.roles, service).toEqual(['anggota', 'penjual']);
    expect(again.person.grants).toEqual([{ cooperativeId: A, roles: ['anggota', 'penjual'] }]);
    const registry = await api(membership(`/cooperatives/${A}/sellers`), { headers: as('ketua') });
    expect(registry.body.items).toContainEqual(
      expect.objectContaining({ sellerId: anggota.memberId, shopName: 'Jamu Bu Siti', status: 'active' }),
    );
    // the demo seed's sellers are in the registry too
    expect(registry.body.items.map((s: { sellerId: string }) => s.sellerId)).toContain('mbr_kb_sri');
  });

  it('a pengurus suspends and reinstates; the seller keeps penjual; another cooperative gets 404', async () => {
    const seller = `/cooperatives/${A}/sellers/${anggota.memberId}`;
    const foreign = await api(membership(`${seller}/suspend`), {
      headers: as('otherKetua'),
      body: { reason: 'Bukan koperasi Anda' },
    });
    expect(foreign.status).toBe(404);
    const throughOwn = await api(membership(`/cooperatives/dinoyo/sellers/${anggota.memberId}/suspend`), {
      headers: as('otherKetua'),
      body: { reason: 'Bukan koperasi Anda' },
    });
    expect(throughOwn.status).toBe(404);

    const suspended = await api(membership(`${seller}/suspend`), {
      headers: as('ketua'),
      body: { reason: 'Label kedaluwarsa belum ada' },
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Label kedaluwarsa belum ada',
    });
    const whileSuspended = await signIn(m, anggota.phone, anggota.password);
    expect(grantsIn(whileSuspended.tokens.payments, A)?.roles).toContain('penjual');

    const reinstated = await api(membership(`${seller}/reinstate`), { method: 'POST', headers: as('ketua') });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body).toMatchObject({ status: 'active', suspensionReason: null });
  });
});
