import type { CooperativeGrant, Envelope } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import type { Member, MemberRole } from '../../domain/member';
import { bearer, fakeApp, FakeMembers, testClock, withCooperative } from '../../testing/fakes';
import { balancesOf, type SavingsAccount } from '../domain/account';
import type { StoredSavingsSettings } from '../domain/settings';
import { accountKey, type ReceiptClaim, type SavingsDeps, type SavingsStore } from '../use-cases/ports';

/** The savings store in memory, with the mongo store's contract (version-guarded writes, unique receipts). */
export class FakeSavingsStore implements SavingsStore {
  readonly settings = new Map<string, StoredSavingsSettings>();
  readonly accounts = new Map<string, SavingsAccount>();
  readonly receipts = new Map<string, ReceiptClaim>();
  readonly events: Envelope[] = [];
  /** Every saveAccount call, for tests that count lost races. */
  saveCalls = 0;

  async getSettings(cooperativeId: string) {
    const s = this.settings.get(cooperativeId);
    return s ? structuredClone(s) : null;
  }
  async saveSettings(s: StoredSavingsSettings, events: Envelope[]) {
    if ((this.settings.get(s.cooperativeId)?.version ?? 0) !== s.version) return false;
    this.settings.set(s.cooperativeId, { ...structuredClone(s), version: s.version + 1 });
    this.events.push(...events);
    return true;
  }
  async getAccount(cooperativeId: string, memberId: string) {
    const a = this.accounts.get(accountKey(cooperativeId, memberId));
    return a ? structuredClone(a) : null;
  }
  async saveAccount(a: SavingsAccount, events: Envelope[]) {
    this.saveCalls++;
    const key = accountKey(a.cooperativeId, a.memberId);
    if ((this.accounts.get(key)?.version ?? 0) !== a.version) return false;
    this.accounts.set(key, { ...structuredClone(a), version: a.version + 1 });
    this.events.push(...events);
    return true;
  }
  async listSummaries(cooperativeId: string) {
    return [...this.accounts.values()]
      .filter((a) => a.cooperativeId === cooperativeId)
      .map((a) => ({ memberId: a.memberId, balances: balancesOf(a) }));
  }
  async getReceipt(cooperativeId: string, receiptNumber: string) {
    const r = this.receipts.get(`${cooperativeId}:${receiptNumber}`);
    return r ? structuredClone(r) : null;
  }
  async claimReceipt(c: ReceiptClaim) {
    const key = `${c.cooperativeId}:${c.receiptNumber}`;
    if (this.receipts.has(key)) return false;
    this.receipts.set(key, structuredClone(c));
    return true;
  }
  async releaseReceipt(cooperativeId: string, receiptNumber: string, movementId: string) {
    const key = `${cooperativeId}:${receiptNumber}`;
    if (this.receipts.get(key)?.movementId === movementId) this.receipts.delete(key);
  }
}

/** 2026-03-02 15:00 in Jakarta. */
export const T0 = new Date('2026-03-02T08:00:00.000Z');

export const aMember = (over: Partial<Member> & Pick<Member, 'memberId'>): Member => ({
  cooperativeId: 'karangbesuki',
  displayName: `Anggota ${over.memberId}`,
  roles: ['anggota'] as MemberRole[],
  phone: null,
  nik: null,
  personId: null,
  createdAt: new Date('2026-01-10T02:00:00.000Z'),
  ...over,
});

/** Savings deps over in-memory members and store, on a test clock. */
export function savingsDeps(members = new FakeMembers(), clock = testClock(T0)) {
  const store = new FakeSavingsStore();
  const nudges: string[] = [];
  const deps: SavingsDeps = {
    store,
    members,
    logger: createLogger('savings-test', 'silent'),
    onEventsWritten: (d) => {
      nudges.push(`${d.collection}/${d.id}`);
    },
    clock: clock.now,
  };
  return { deps, store, members, clock, nudges };
}

/**
 * Karangbesuki with members Sri (joined 2026-01-10, linked to per_sri), Rina (linked to per_rina),
 * Budi (no account) and a kasir's record without the anggota role; dinoyo with one member. Accounts
 * for every role that matters to the rules; `call(who, method, path, body)` over the membership app.
 */
export async function savingsFixture() {
  const clock = testClock(T0);
  const { deps, store, members, nudges } = savingsDeps(new FakeMembers(), clock);
  const ctx = fakeApp({ members, savings: deps, clock: clock.now });
  await withCooperative(ctx);
  await withCooperative(ctx, { cooperativeId: 'dinoyo' });
  const kb = (roles: CooperativeGrant['roles'], position?: CooperativeGrant['position']) => [
    { cooperativeId: 'karangbesuki', roles, ...(position ? { position } : {}) },
  ];
  const accounts = {
    sri: { personId: 'per_sri', grants: kb(['anggota']) },
    rina: { personId: 'per_rina', grants: kb(['anggota', 'penjual']) },
    unlinked: { personId: 'per_unlinked', grants: kb(['anggota']) },
    ketua: { personId: 'per_ketua', grants: kb(['anggota', 'pengurus'], 'ketua') },
    bendahara: { personId: 'per_bendahara', grants: kb(['anggota', 'pengurus'], 'bendahara') },
    sekretaris: { personId: 'per_sekretaris', grants: kb(['pengurus'], 'sekretaris') },
    kasir: { personId: 'per_kasir', grants: kb(['kasir']) },
    gudang: { personId: 'per_gudang', grants: kb(['gudang']) },
    pengawas: { personId: 'per_pengawas', grants: kb(['pengawas']) },
    dnBendahara: {
      personId: 'per_dn_bendahara',
      grants: [{ cooperativeId: 'dinoyo', roles: ['pengurus'], position: 'bendahara' }],
    },
    dnMember: { personId: 'per_dn_member', grants: [{ cooperativeId: 'dinoyo', roles: ['anggota'] }] },
    shopper: { personId: 'per_shopper', grants: [] },
  } satisfies Record<string, { personId: string; grants: CooperativeGrant[] }>;
  type Who = keyof typeof accounts;
  let n = 0;
  for (const p of Object.values(accounts))
    await ctx.addPerson({ ...p, phone: `+62812888800${String(++n).padStart(2, '0')}` });
  await members.insert(aMember({ memberId: 'mbr_sri', personId: 'per_sri' }), []);
  await members.insert(
    aMember({ memberId: 'mbr_rina', personId: 'per_rina', roles: ['anggota', 'penjual'] }),
    [],
  );
  await members.insert(aMember({ memberId: 'mbr_budi', createdAt: new Date('2025-12-20T03:00:00Z') }), []);
  await members.insert(aMember({ memberId: 'mbr_staff', roles: ['kasir'] }), []);
  await members.insert(
    aMember({ memberId: 'mbr_dn_member', cooperativeId: 'dinoyo', personId: 'per_dn_member' }),
    [],
  );

  const headers = async (who: Who) => ({
    ...bearer(await ctx.tokenFor((await ctx.people.findById(accounts[who].personId))!)),
    'content-type': 'application/json',
  });
  const call = async (who: Who | null, method: string, path: string, body?: unknown) =>
    ctx.app.request(path, {
      method,
      headers: who ? await headers(who) : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const memberPath = (memberId = 'mbr_sri', coop = 'karangbesuki') =>
    `/cooperatives/${coop}/members/${memberId}/savings`;
  let receipt = 0;
  const nextReceipt = () => `BS-${++receipt}`;
  const deposit = (who: Who, body: Record<string, unknown>, memberId = 'mbr_sri', coop = 'karangbesuki') =>
    call(who, 'POST', `${memberPath(memberId, coop)}/deposits`, {
      method: 'cash',
      receiptNumber: nextReceipt(),
      ...body,
    });
  const withdraw = (who: Who, body: Record<string, unknown>, memberId = 'mbr_sri', coop = 'karangbesuki') =>
    call(who, 'POST', `${memberPath(memberId, coop)}/withdrawals`, {
      method: 'cash',
      receiptNumber: nextReceipt(),
      ...body,
    });
  return { ...ctx, deps, store, members, clock, nudges, accounts, call, memberPath, deposit, withdraw };
}
export type SavingsFixture = Awaited<ReturnType<typeof savingsFixture>>;
