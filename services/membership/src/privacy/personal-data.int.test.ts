import type { CooperativeGrant } from '@pasar/contracts';
import { createLogger, type RunningConsumer, startConsumer, startOutboxRelay } from '@pasar/events';
import { testBus } from '@pasar/events/testing';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { testDatabase, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createAuditEntryRepository } from '../audit/audit-entry.repository';
import { auditSubscriptions } from '../audit/audit.subscriptions';
import { createAuditTrail } from '../audit/audit-trail';
import { createCooperativeRepository } from '../db/cooperative.repository';
import { createMemberRepository } from '../db/member.repository';
import { erasedDisplayName } from '../domain/member';
import { protectNik } from '../domain/nik';
import { json } from '../testing/fakes';
import type { PeopleEraser, PeopleReader, PersonAccount } from './ports';
import { memberRecord, TEST_NIK_KEYRING, TEST_SALT } from './testing';
import { fakeApp } from '../testing/fakes';

/**
 * Export and erasure on the real stack: the registry and a tiny `people` collection on FerretDB, the
 * member records' audit events through the outbox relay and Kafka into audit_entries, and an
 * order-like collection standing for what the cooperative must keep (ledger entries, orders).
 */
const bus = testBus('membership-pdp');
const logger = createLogger('membership-pdp', 'silent');
const issuer = await createTestIssuer();
let db: Awaited<ReturnType<typeof testDatabase>>;
let consumer: RunningConsumer;
let relay: ReturnType<typeof startOutboxRelay>;
let app: ReturnType<typeof createApp>;

const SRI = { personId: 'psn_sri', name: 'Sri Wahyuni', phone: '+6281234567890', email: 'sri@example.id' };
const TONO = { personId: 'psn_tono', name: 'Tono Sugiarto', phone: '+6285700001111' };
const NIK_SRI = '3573011203900004';
const NIK_TONO = '3573011203900111';
const grants = (...ids: string[]): CooperativeGrant[] =>
  ids.map((cooperativeId) => ({ cooperativeId, roles: ['anggota'] }));

/** The PeopleReader/PeopleEraser ports on a tiny real collection (the accounts code owns the real one). */
function peopleOn(coll: ReturnType<typeof db.conn.collection>): PeopleReader & PeopleEraser {
  return {
    async findById(personId) {
      const d = await coll.findOne({ _id: personId as never });
      return d ? ({ ...d, personId: d._id } as unknown as PersonAccount) : null;
    },
    async pseudonymise(personId, pseudonym) {
      await coll.updateOne(
        { _id: personId as never },
        { $set: { name: erasedDisplayName(pseudonym), phone: '' }, $unset: { email: '', passwordHash: '' } },
      );
    },
  };
}
const bearer = async (personId: string) => ({
  authorization: `Bearer ${await issuer.token({ personId }, { service: 'membership' })}`,
});

beforeAll(async () => {
  db = await testDatabase('membership-pdp');
  const members = createMemberRepository(db.conn);
  const entries = createAuditEntryRepository(db.conn);
  await Promise.all([members.init(), entries.init()]);
  const audit = createAuditTrail({ entries });
  relay = startOutboxRelay({ bus, collections: [members.collection], sweepIntervalMs: 200 });
  consumer = await startConsumer({
    bus,
    groupId: `${bus.topicPrefix}membership`,
    subscriptions: auditSubscriptions({ audit, logger }),
    processed: db.conn.collection('processed_events'),
  });
  await consumer.ready;

  const people = db.conn.collection('people');
  await people.insertMany([
    {
      _id: SRI.personId as never,
      ...SRI,
      passwordHash: '$argon2id$sri',
      grants: grants('karangbesuki', 'dinoyo'),
    },
    { _id: TONO.personId as never, ...TONO, passwordHash: '$argon2id$tono', grants: grants('karangbesuki') },
  ]);
  const nik = (n: string) => protectNik(n, TEST_SALT, TEST_NIK_KEYRING);
  for (const m of [
    memberRecord('mbr_sri_kb', {
      displayName: SRI.name,
      phone: SRI.phone,
      nik: nik(NIK_SRI),
      personId: SRI.personId,
    }),
    memberRecord('mbr_sri_dn', { cooperativeId: 'dinoyo', displayName: 'Bu Sri', personId: SRI.personId }),
    memberRecord('mbr_tono', {
      displayName: TONO.name,
      phone: TONO.phone,
      nik: nik(NIK_TONO),
      personId: TONO.personId,
    }),
  ])
    expect(await members.insert(m, [])).toBe('inserted');
  await db.conn.collection('kept_records').insertMany([
    {
      _id: 'ord_sri_1' as never,
      kind: 'order',
      cooperativeId: 'karangbesuki',
      memberId: 'mbr_sri_kb',
      total: 36_000,
    },
    {
      _id: 'led_sri_1' as never,
      kind: 'ledger',
      cooperativeId: 'dinoyo',
      memberId: 'mbr_sri_dn',
      amount: 10_000,
    },
    {
      _id: 'ord_tono_1' as never,
      kind: 'order',
      cooperativeId: 'karangbesuki',
      memberId: 'mbr_tono',
      total: 18_000,
    },
  ]);

  const port = peopleOn(people);
  app = createApp({
    // The accounts side from the fakes; the registry, audit trail and privacy parts are real.
    ...fakeApp().deps,
    cooperatives: createCooperativeRepository(db.conn),
    members,
    nikSalt: TEST_SALT,
    nikKeyring: TEST_NIK_KEYRING,
    logger,
    onEventsWritten: () => {},
    verifier: issuer.verifier('membership'),
    pdp: {
      entries,
      audit,
      members,
      nikKeyring: TEST_NIK_KEYRING,
      logger,
      onEventsWritten: (_a, id) => relay.nudge(members.collection, id),
      people: { reader: port, eraser: port },
    },
  });
});
afterAll(async () => {
  await consumer?.stop();
  await relay?.stop();
  await bus.disconnect();
  await db?.drop();
});

const everything = async () => {
  const out: Record<string, unknown[]> = {};
  for (const name of ['members', 'people', 'audit_entries', 'kept_records'])
    out[name] = await db.conn.collection(name).find().toArray();
  return out;
};

describe('personal data on the real stack', () => {
  it("exports Sri's data and nothing of Tono's", async () => {
    const res = await app.request('/me/export', { headers: await bearer(SRI.personId) });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.account).toMatchObject({
      personId: 'psn_sri',
      name: SRI.name,
      phone: SRI.phone,
      email: SRI.email,
    });
    expect(body.account).not.toHaveProperty('passwordHash');
    expect(body.memberRecords.map((r: { memberId: string }) => r.memberId)).toEqual([
      'mbr_sri_dn',
      'mbr_sri_kb',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/Tono|85700001111|mbr_tono|argon2|3573011203900/);
  });

  it('erases Sri: unidentifiable everywhere, while her records and what points at them stay intact', async () => {
    const keptBefore = await db.conn.collection('kept_records').find().sort({ _id: 1 }).toArray();
    const tonoBefore = await db.conn.collection('members').findOne({ _id: 'mbr_tono' as never });
    const oldHash = protectNik(NIK_SRI, TEST_SALT).hash;

    const res = await app.request('/me/erasure', { method: 'POST', headers: await bearer(SRI.personId) });

    expect(res.status).toBe(202);
    const { pseudonym } = await json(res);
    // the audit events written with each record's erasure arrive through the relay and Kafka
    await waitFor(
      async () =>
        (await db.conn.collection('audit_entries').countDocuments({ action: 'membership.member.erased' })) ===
        2,
      { what: 'two membership.member.erased entries', timeoutMs: 30_000 },
    );
    const all = await everything();
    const sriData = JSON.stringify({
      ...all,
      members: all.members?.filter((m) => (m as { _id: string })._id !== 'mbr_tono'),
      people: all.people?.filter((p) => (p as { _id: string })._id === 'psn_sri'),
    });
    for (const secret of [SRI.name, 'Bu Sri', '81234567890', SRI.email, NIK_SRI, oldHash, '$argon2id$sri'])
      expect(sriData).not.toContain(secret);

    // the registry records stay, pointing at the pseudonym
    const kept = await db.conn.collection('kept_records').find().sort({ _id: 1 }).toArray();
    expect(kept).toEqual(keptBefore);
    for (const record of kept.filter((r) => String(r.memberId).startsWith('mbr_sri'))) {
      const member = await db.conn.collection('members').findOne({ _id: record.memberId });
      expect(member).toMatchObject({
        cooperativeId: record.cooperativeId,
        displayName: `Anggota terhapus ${pseudonym}`,
        personId: 'psn_sri',
        phone: null,
        nik: null,
        createdAt: new Date('2026-01-02T03:04:05.000Z'),
      });
    }
    expect((await db.conn.collection('people').findOne({ _id: 'psn_sri' as never }))?.name).toBe(
      `Anggota terhapus ${pseudonym}`,
    );
    // the old NIK matches nothing
    expect(await db.conn.collection('members').countDocuments({ 'nik.hash': oldHash })).toBe(0);
    expect(await db.conn.collection('members').countDocuments({ identityKey: `nik:${oldHash}` })).toBe(0);
    // Tono is untouched
    expect(await db.conn.collection('members').findOne({ _id: 'mbr_tono' as never })).toEqual(tonoBefore);
    expect((await db.conn.collection('people').findOne({ _id: 'psn_tono' as never }))?.name).toBe(TONO.name);
    // both actions audited in each cooperative concerned
    const actions = (
      await db.conn
        .collection('audit_entries')
        .find({ 'target.id': { $in: ['psn_sri', 'mbr_sri_kb', 'mbr_sri_dn'] } })
        .toArray()
    )
      .map((e) => `${e.cooperativeId} ${e.action}`)
      .sort();
    expect(actions).toEqual([
      'dinoyo membership.member.erased',
      'dinoyo membership.person.erased',
      'dinoyo membership.person.exported',
      'karangbesuki membership.member.erased',
      'karangbesuki membership.person.erased',
      'karangbesuki membership.person.exported',
    ]);
  });

  it('keeps the audit repository append-only: it has no way to change or remove an entry', () => {
    const repo = createAuditEntryRepository(db.conn);
    expect(Object.keys(repo).sort()).toEqual(['append', 'init', 'list']);
  });
});
