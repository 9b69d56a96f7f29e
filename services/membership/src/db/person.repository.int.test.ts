import { AuditRecorded, newEvent } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../domain/person';
import { createAuthEventRepository } from './auth-event.repository';
import { createPersonRepository } from './person.repository';
import { createSessionRepository } from './session.repository';

let db: Awaited<ReturnType<typeof testDatabase>>;
let people: ReturnType<typeof createPersonRepository>;
let sessions: ReturnType<typeof createSessionRepository>;
beforeAll(async () => {
  db = await testDatabase('membership-people');
  people = createPersonRepository(db.conn);
  sessions = createSessionRepository(db.conn);
  await Promise.all([people.init(), sessions.init()]);
});
afterAll(() => db.drop());

const at = new Date('2026-03-02T08:00:00.000Z');
const person = (personId: string, phone: string, over: Partial<Person> = {}): Person => ({
  personId,
  name: `Orang ${personId}`,
  phone,
  email: null,
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  grants: [],
  platform: [],
  failedSignIns: 0,
  lockedUntil: null,
  lastSignInAt: null,
  resetCode: null,
  createdAt: at,
  updatedAt: at,
  version: 1,
  ...over,
});
const audit = (cooperativeId: string) =>
  newEvent(
    AuditRecorded,
    cooperativeId,
    {
      cooperativeId,
      actorId: 'operator',
      actorRoles: [],
      action: 'membership.role.assigned',
      target: { type: 'person', id: 'per_ketua' },
      at: at.toISOString(),
    },
    { source: 'urn:pasar:test', cooperativeId },
  );

describe('person repository on FerretDB', () => {
  it('stores a person with the audit event in the same document and reads it back by id and phone', async () => {
    const ketua = person('per_ketua', '+6281200000001', {
      grants: [{ cooperativeId: 'karangbesuki', roles: ['anggota', 'pengurus'], position: 'ketua' }],
      resetCode: { digest: 'ab'.repeat(32), expiresAt: at, issuedBy: 'operator' },
    });
    expect(await people.insert(ketua, [audit('karangbesuki')])).toBe('inserted');
    expect(await people.findById('per_ketua')).toEqual(ketua);
    expect(await people.findByPhone('+6281200000001')).toEqual(ketua);
    const raw = await db.conn.collection('people').findOne({ _id: 'per_ketua' as never });
    expect(raw?.outbox[0]).toMatchObject({ topic: 'audit.entry.v1', key: 'karangbesuki' });
  });

  it('refuses a second account with the same phone, telling it from a duplicate id', async () => {
    expect(await people.insert(person('per_other', '+6281200000001'), [])).toBe('duplicate-phone');
    expect(await people.insert(person('per_ketua', '+6281200000009'), [])).toBe('duplicate-id');
  });

  it('lists a cooperative by person id and counts its ketua', async () => {
    await people.insert(
      person('per_kasir', '+6281200000002', {
        grants: [{ cooperativeId: 'karangbesuki', roles: ['kasir'] }],
      }),
      [],
    );
    await people.insert(
      person('per_dn', '+6281200000003', {
        grants: [{ cooperativeId: 'dinoyo', roles: ['pengurus'], position: 'ketua' }],
      }),
      [],
    );
    const first = await people.listByCooperative('karangbesuki', { limit: 1 });
    const rest = await people.listByCooperative('karangbesuki', { limit: 10, after: first[0]?.personId });
    expect([...first, ...rest].map((p) => p.personId)).toEqual(['per_kasir', 'per_ketua']);
    expect(await people.countKetua('karangbesuki')).toBe(1);
    expect(await people.countKetua('bumiayu')).toBe(0);
  });

  it('updates only at the expected version, with events, and moves the cooperative index along', async () => {
    const kasir = (await people.findById('per_kasir'))!;
    const next = { ...kasir, grants: [{ cooperativeId: 'dinoyo', roles: ['kasir' as const] }], version: 2 };
    expect(await people.update(next, 1, [audit('dinoyo')])).toBe(true);
    expect(await people.update({ ...next, version: 3 }, 1, [])).toBe(false);
    expect((await people.listByCooperative('dinoyo', { limit: 10 })).map((p) => p.personId)).toEqual([
      'per_dn',
      'per_kasir',
    ]);
  });

  it('counts failures atomically, locks every 5th, and a success clears it', async () => {
    const policy = { maxFailures: 5, blockSeconds: 60 };
    for (let i = 1; i <= 4; i++) expect(await people.recordSignInFailure('per_kasir', at, policy)).toBe(i);
    expect((await people.findById('per_kasir'))?.lockedUntil).toBeNull();
    expect(await people.recordSignInFailure('per_kasir', at, policy)).toBe(5);
    expect((await people.findById('per_kasir'))?.lockedUntil).toEqual(new Date(at.getTime() + 60_000));
    await people.recordSignInSuccess('per_kasir', at);
    expect(await people.findById('per_kasir')).toMatchObject({
      failedSignIns: 0,
      lockedUntil: null,
      lastSignInAt: at,
    });
  });

  it('pseudonymises: no name, phone, email or hash left; id and grants stay', async () => {
    expect(await people.pseudonymise('per_dn', 'Anggota #7f3a')).toBe(true);
    const p = await people.findById('per_dn');
    expect(p).toMatchObject({
      personId: 'per_dn',
      name: 'Anggota #7f3a',
      email: null,
      passwordHash: null,
      resetCode: null,
    });
    expect(p?.phone).not.toContain('+62812');
    expect(p?.grants).toEqual([{ cooperativeId: 'dinoyo', roles: ['pengurus'], position: 'ketua' }]);
    expect(await people.findByPhone('+6281200000003')).toBeNull();
    expect(await people.pseudonymise('per_nobody', 'x')).toBe(false);
  });
});

describe('session and auth event repositories on FerretDB', () => {
  it('touches, revokes one and revokes all of a person', async () => {
    const s = (digest: string, personId = 'per_ketua') => ({
      digest,
      personId,
      createdAt: at,
      lastSeenAt: at,
      revokedAt: null,
    });
    await sessions.insert(s('d1'));
    await sessions.insert(s('d2'));
    await sessions.insert(s('d3', 'per_kasir'));
    const later = new Date(at.getTime() + 60_000);
    await sessions.touch('d1', later);
    expect((await sessions.findByDigest('d1'))?.lastSeenAt).toEqual(later);
    await sessions.revoke('d1', later);
    expect((await sessions.findByDigest('d1'))?.revokedAt).toEqual(later);
    expect(await sessions.revokeAllOf('per_ketua', later)).toBe(1);
    expect((await sessions.findByDigest('d3'))?.revokedAt).toBeNull();
    expect(await sessions.findByDigest('nope')).toBeNull();
  });

  it('appends sign-in records with their events', async () => {
    const events = createAuthEventRepository(db.conn);
    await events.init();
    await events.append({ id: 'aev_1', kind: 'sign-in.failed', personId: null, address: '10.0.0.1', at }, []);
    await events.append(
      { id: 'aev_2', kind: 'sign-in.succeeded', personId: 'per_ketua', address: '10.0.0.1', at },
      [audit('karangbesuki')],
    );
    const rows = await db.conn.collection('auth_events').find().sort({ _id: 1 }).toArray();
    expect(rows.map((r) => [r._id, r.kind, r.outbox?.length ?? 0])).toEqual([
      ['aev_1', 'sign-in.failed', 0],
      ['aev_2', 'sign-in.succeeded', 1],
    ]);
  });
});
