import type { Envelope } from '@pasar/contracts';
import { createLogger } from '@pasar/events';
import { createTestIssuer, type TestPerson } from '@pasar/service-kit/testing';
import { createAuditTrail } from '../audit/audit-trail';
import { FakeAuditEntries } from '../audit/testing';
import { erasedDisplayName, type Member, type MemberErasure } from '../domain/member';
import { createNikKeyring } from '../domain/nik';
import { fakeApp, FakeMembers } from '../testing/fakes';
import type { MemberPrivacyRepository, PeopleEraser, PeopleReader, PersonAccount } from './ports';

/** FakeMembers plus the registry's privacy methods, with the mongo repository's contract. */
export class FakePrivacyMembers extends FakeMembers implements MemberPrivacyRepository {
  async listByPerson(personId: string) {
    return [...this.rows.values()]
      .filter((m) => m.personId === personId)
      .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
      .map((m) => structuredClone(m));
  }
  async pseudonymise(memberId: string, erasure: MemberErasure, events: Envelope[]) {
    const m = this.rows.get(memberId);
    if (!m || m.erasure) return false;
    this.rows.set(memberId, {
      ...m,
      displayName: erasedDisplayName(erasure.pseudonym),
      phone: null,
      nik: null,
      erasure: structuredClone(erasure),
    });
    this.events.push(...events);
    return true;
  }
}

/** A people collection in memory: the PeopleReader/PeopleEraser ports as the accounts code implements them. */
export class FakePeople implements PeopleReader, PeopleEraser {
  readonly rows = new Map<string, PersonAccount>();
  readonly erased: { personId: string; pseudonym: string }[] = [];
  add(p: PersonAccount) {
    this.rows.set(p.personId, structuredClone(p));
    return p;
  }
  async findById(personId: string) {
    const p = this.rows.get(personId);
    return p ? structuredClone(p) : null;
  }
  async pseudonymise(personId: string, pseudonym: string) {
    const p = this.rows.get(personId);
    this.erased.push({ personId, pseudonym });
    if (p)
      this.rows.set(personId, { personId, name: erasedDisplayName(pseudonym), phone: '', grants: p.grants });
  }
}

export const TEST_NIK_KEYRING = createNikKeyring({ k1: Buffer.alloc(32, 7).toString('base64') }, 'k1');
export const TEST_SALT = 'test-salt-0123456789abcdef';

/** The membership app over fakes with the audit trail, NIK view and personal-data routes, and a token issuer. */
export async function pdpApp() {
  const issuer = await createTestIssuer();
  const members = new FakePrivacyMembers();
  const entries = new FakeAuditEntries();
  const people = new FakePeople();
  const audit = createAuditTrail({ entries });
  const logger = createLogger('membership-test', 'silent');
  const nudges: string[] = [];
  const base = fakeApp({
    members,
    nikKeyring: TEST_NIK_KEYRING,
    verifier: issuer.verifier('membership'),
    pdp: {
      entries,
      audit,
      members,
      nikKeyring: TEST_NIK_KEYRING,
      logger,
      onEventsWritten: (_a, id) => {
        nudges.push(id);
      },
      people: { reader: people, eraser: people },
    },
  });
  const bearer = async (person: TestPerson) => ({
    authorization: `Bearer ${await issuer.token(person, { service: 'membership' })}`,
  });
  return { ...base, issuer, members, entries, people, audit, bearer, nudges: () => nudges };
}

export function memberRecord(memberId: string, overrides: Partial<Member> = {}): Member {
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
