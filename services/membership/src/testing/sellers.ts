import type { CooperativeGrant } from '@pasar/contracts';
import type { Member } from '../domain/member';
import { bearer, type FakeApp, fakeApp, withCooperative } from './fakes';
import type { Seller } from '../domain/seller';
import type { SellerApplication } from '../domain/seller-application';

export const T0 = new Date('2026-03-02T08:00:00.000Z');

/** Test data builders for the seller part. */
export const anApplication = (over: Partial<SellerApplication> = {}): SellerApplication => ({
  applicationId: 'sap_test1',
  cooperativeId: 'karangbesuki',
  memberId: 'mbr_sri',
  personId: 'per_sri',
  shopName: 'Keripik Bu Sri',
  description: 'Keripik tempe',
  handoff: 'drop_off',
  status: 'pending',
  submittedAt: T0,
  decision: null,
  version: 1,
  ...over,
});

export const aSeller = (over: Partial<Seller> = {}): Seller => ({
  sellerId: 'mbr_sri',
  cooperativeId: 'karangbesuki',
  personId: 'per_sri',
  shopName: 'Keripik Bu Sri',
  description: 'Keripik tempe',
  handoff: 'drop_off',
  status: 'active',
  applicationId: 'sap_test1',
  approvedBy: { personId: 'per_ketua', roles: ['pengurus'] },
  since: T0,
  suspension: null,
  followUp: 'done',
  version: 1,
  ...over,
});

const member = (memberId: string, cooperativeId: string, personId: string | null): Member => ({
  memberId,
  cooperativeId,
  displayName: `Anggota ${memberId}`,
  roles: ['anggota'],
  phone: null,
  nik: null,
  personId,
  createdAt: T0,
});

/**
 * Karangbesuki with two members who have accounts (Sri, Rina), an anggota account without a member
 * record, a ketua, a bendahara, a pengawas and a kasir; dinoyo with its ketua and a member. `as(name)`
 * gives the headers of that person's membership token.
 */
export async function sellerFixture() {
  const ctx: FakeApp = fakeApp();
  await withCooperative(ctx);
  await withCooperative(ctx, { cooperativeId: 'dinoyo' });
  const accounts: Record<string, { personId: string; grants: CooperativeGrant[] }> = {
    sri: { personId: 'per_sri', grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota'] }] },
    rina: { personId: 'per_rina', grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota'] }] },
    unlinked: { personId: 'per_unlinked', grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota'] }] },
    ketua: {
      personId: 'per_ketua',
      grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'pengurus'], position: 'ketua' }],
    },
    bendahara: {
      personId: 'per_bendahara',
      grants: [{ cooperativeId: 'karangbesuki', roles: ['pengurus'], position: 'bendahara' }],
    },
    pengawas: { personId: 'per_pengawas', grants: [{ cooperativeId: 'karangbesuki', roles: ['pengawas'] }] },
    kasir: { personId: 'per_kasir', grants: [{ cooperativeId: 'karangbesuki', roles: ['kasir'] }] },
    dnKetua: {
      personId: 'per_dn_ketua',
      grants: [{ cooperativeId: 'dinoyo', roles: ['anggota', 'pengurus'], position: 'ketua' }],
    },
    dnMember: { personId: 'per_dn_member', grants: [{ cooperativeId: 'dinoyo', roles: ['anggota'] }] },
  };
  let n = 0;
  for (const p of Object.values(accounts))
    await ctx.addPerson({ ...p, phone: `+62812999900${String(++n).padStart(2, '0')}` });
  await ctx.members.insert(member('mbr_sri', 'karangbesuki', 'per_sri'), []);
  await ctx.members.insert(member('mbr_rina', 'karangbesuki', 'per_rina'), []);
  await ctx.members.insert(member('mbr_nolink', 'karangbesuki', null), []);
  await ctx.members.insert(member('mbr_dn_member', 'dinoyo', 'per_dn_member'), []);

  const as = async (name: keyof typeof accounts) => ({
    ...bearer(await ctx.tokenFor((await ctx.people.findById(accounts[name]!.personId))!)),
    'content-type': 'application/json',
  });
  const call = async (name: keyof typeof accounts | null, method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: name ? await as(name) : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const apps = (coop = 'karangbesuki') => `/cooperatives/${coop}/seller-applications`;
  const shop = { shopName: 'Keripik Bu Sri', description: 'Keripik tempe dan singkong', handoff: 'drop_off' };
  /** Sri (or another) applies; returns the application id. */
  const apply = async (name: keyof typeof accounts = 'sri', coop = 'karangbesuki') => {
    const res = await call(name, 'POST', apps(coop), shop);
    if (res.status !== 201) throw new Error(`apply: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { applicationId: string }).applicationId;
  };
  const approve = (id: string, by: keyof typeof accounts = 'ketua', coop = 'karangbesuki') =>
    call(by, 'POST', `${apps(coop)}/${id}/approve`);
  return { ...ctx, accounts, as, call, apps, shop, apply, approve };
}
