import { MemberRegistered, newEvent } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, memberRegisteredData } from '../domain/member';
import { protectNik } from '../domain/nik';
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
