import { MemberRegistered, newEvent } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, memberRegisteredData } from '../domain/member';
import { createNikKeyring, decryptNik, protectNik } from '../domain/nik';
import { createMemberRepository } from './member.repository';

let db: Awaited<ReturnType<typeof testDatabase>>;
let repo: ReturnType<typeof createMemberRepository>;
beforeAll(async () => {
  db = await testDatabase('membership-member');
  repo = createMemberRepository(db.conn);
  await repo.init();
});
afterAll(() => db.drop());

const NIK = '3573011203900004';
const SALT = 'test-salt-0123456789abcdef';

function member(memberId: string, overrides: Partial<Member> = {}): Member {
  return {
    memberId,
    cooperativeId: 'karangbesuki',
    displayName: `Anggota ${memberId}`,
    roles: ['anggota'],
    phone: null,
    nik: null,
    personId: null,
    erasure: null,
    createdAt: new Date('2026-01-02T03:04:05.000Z'),
    ...overrides,
  };
}

describe('member repository on FerretDB', () => {
  it('stores a member with its event and never the raw NIK', async () => {
    const m = member('mbr_sri', {
      phone: '+6281234567890',
      nik: protectNik(NIK, SALT),
      roles: ['anggota', 'penjual'],
    });
    const evt = newEvent(MemberRegistered, m.memberId, memberRegisteredData(m), {
      source: 'urn:pasar:test',
      cooperativeId: m.cooperativeId,
    });

    expect(await repo.insert(m, [evt])).toBe('inserted');

    expect(await repo.findById('mbr_sri')).toEqual(m);
    const raw = await db.conn.collection('members').findOne({ _id: 'mbr_sri' as never });
    expect(JSON.stringify(raw)).not.toContain(NIK);
    expect(raw?.outbox[0].envelope.data).toEqual({
      memberId: 'mbr_sri',
      cooperativeId: 'karangbesuki',
      displayName: m.displayName,
      roles: ['anggota', 'penjual'],
      joinedAt: m.createdAt.toISOString(),
    });
  });

  it('tells a duplicate id from a duplicate NIK in the same cooperative', async () => {
    expect(await repo.insert(member('mbr_sri'), [])).toBe('duplicate-id');
    expect(await repo.insert(member('mbr_other', { nik: protectNik(NIK, SALT) }), [])).toBe('duplicate-nik');
  });

  it('allows the same NIK in another cooperative and many members without a NIK', async () => {
    const elsewhere = member('mbr_sri_dinoyo', { cooperativeId: 'dinoyo', nik: protectNik(NIK, SALT) });
    expect(await repo.insert(elsewhere, [])).toBe('inserted');
    expect(await repo.insert(member('mbr_a1'), [])).toBe('inserted');
    expect(await repo.insert(member('mbr_a2'), [])).toBe('inserted');
  });

  it('lists a cooperative page by page', async () => {
    const first = await repo.list('karangbesuki', { limit: 2 });
    const rest = await repo.list('karangbesuki', { limit: 10, after: first.at(-1)?.memberId });
    expect(first.map((m) => m.memberId)).toEqual(['mbr_a1', 'mbr_a2']);
    expect(rest.map((m) => m.memberId)).toEqual(['mbr_sri']);
  });
});

describe('member registry: encrypted NIK, person link and erasure on FerretDB', () => {
  const ring = createNikKeyring({ k1: Buffer.alloc(32, 3).toString('base64') }, 'k1');
  const NIK2 = '3573011203900077';

  it('stores the NIK encrypted beside its HMAC and reads it back decryptable', async () => {
    const m = member('mbr_enc', { nik: protectNik(NIK2, SALT, ring), personId: 'psn_enc' });
    expect(await repo.insert(m, [])).toBe('inserted');
    const back = await repo.findById('mbr_enc');
    expect(back?.nik?.encrypted?.kid).toBe('k1');
    expect(back?.personId).toBe('psn_enc');
    expect(decryptNik(back?.nik as never, ring)).toBe(NIK2);
    const raw = await db.conn.collection('members').findOne({ _id: 'mbr_enc' as never });
    expect(JSON.stringify(raw)).not.toContain(NIK2);
  });

  it("lists a person's records across cooperatives", async () => {
    await repo.insert(member('mbr_enc_dn', { cooperativeId: 'dinoyo', personId: 'psn_enc' }), []);
    expect((await repo.listByPerson('psn_enc')).map((m) => m.memberId)).toEqual(['mbr_enc', 'mbr_enc_dn']);
    expect(await repo.listByPerson('psn_nobody')).toEqual([]);
  });

  it('pseudonymises once with its event in the same write; the old NIK matches nothing and may register again', async () => {
    const evt = newEvent(MemberRegistered, 'mbr_enc', memberRegisteredData(member('mbr_enc')), {
      source: 'urn:pasar:test',
      cooperativeId: 'karangbesuki',
    });
    const erasure = { pseudonym: 'anon_abc', erasedAt: new Date('2026-02-01T00:00:00.000Z') };
    expect(await repo.pseudonymise('mbr_enc', erasure, [evt])).toBe(true);
    expect(await repo.pseudonymise('mbr_enc', erasure, [evt])).toBe(false);

    const after = await repo.findById('mbr_enc');
    expect(after).toMatchObject({
      memberId: 'mbr_enc',
      cooperativeId: 'karangbesuki',
      displayName: 'Anggota terhapus anon_abc',
      phone: null,
      nik: null,
      personId: 'psn_enc',
      erasure,
      createdAt: new Date('2026-01-02T03:04:05.000Z'),
    });
    const raw = await db.conn.collection('members').findOne({ _id: 'mbr_enc' as never });
    const hash = protectNik(NIK2, SALT).hash;
    expect(JSON.stringify(raw)).not.toContain(hash);
    expect(raw?.outbox).toHaveLength(1);
    expect(await repo.insert(member('mbr_enc_again', { nik: protectNik(NIK2, SALT, ring) }), [])).toBe(
      'inserted',
    );
  });
});

describe('member registry: records written before the erasure fields existed', () => {
  it('pseudonymises a legacy document without erasure/personId fields', async () => {
    await db.conn.collection('members').insertOne({
      _id: 'mbr_legacy' as never,
      cooperativeId: 'karangbesuki',
      displayName: 'Pak Lama',
      roles: ['anggota'],
      phone: '+6281200000000',
      nik: protectNik('3573011203900099', SALT),
      identityKey: `nik:${protectNik('3573011203900099', SALT).hash}`,
      createdAt: new Date('2025-01-01T00:00:00.000Z'),
    });
    const erasure = { pseudonym: 'anon_legacy', erasedAt: new Date('2026-02-01T00:00:00.000Z') };
    expect(await repo.pseudonymise('mbr_legacy', erasure, [])).toBe(true);
    expect(await repo.findById('mbr_legacy')).toMatchObject({
      displayName: 'Anggota terhapus anon_legacy',
      phone: null,
      nik: null,
    });
  });

  it('finds a record by its account, links an unlinked one once, and adds a role once', async () => {
    await repo.insert(member('mbr_link', { personId: null }), []);
    expect(await repo.findByPerson('karangbesuki', 'per_link')).toBeNull();

    expect(await repo.linkPerson('mbr_link', 'per_link')).toBe(true);
    expect(await repo.linkPerson('mbr_link', 'per_other')).toBe(false);
    expect((await repo.findByPerson('karangbesuki', 'per_link'))?.memberId).toBe('mbr_link');
    expect(await repo.findByPerson('dinoyo', 'per_link')).toBeNull();

    await repo.addRole('mbr_link', 'penjual');
    await repo.addRole('mbr_link', 'penjual');
    expect((await repo.findById('mbr_link'))?.roles).toEqual(['anggota', 'penjual']);
  });
});
