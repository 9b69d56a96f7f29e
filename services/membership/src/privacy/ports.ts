import type { CooperativeGrant, Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { NikKeyring } from '../domain/nik';
import type { Member, MemberErasure } from '../domain/member';
import type { AuditTrail } from '../audit/audit-trail';

/** The account fields of a person (membership's `people` collection, owned by the accounts code). */
export interface PersonAccount {
  personId: string;
  name: string;
  phone: string;
  email?: string;
  grants: CooperativeGrant[];
}

/** Reads a person's account; implemented on the `people` collection by the accounts code. */
export interface PeopleReader {
  findById(personId: string): Promise<PersonAccount | null>;
}

/**
 * Pseudonymises a person's account: name → "Anggota terhapus <pseudonym>", phone, email and
 * password hash removed, sessions revoked. Must be idempotent (erasure may be retried).
 */
export interface PeopleEraser {
  pseudonymise(personId: string, pseudonym: string): Promise<void>;
}

/** What export and erasure need from the member registry (db/member.repository.ts implements it). */
export interface MemberPrivacyRepository {
  findById(memberId: string): Promise<Member | null>;
  /** Every registry record linked to the person, in every cooperative, erased ones included. */
  listByPerson(personId: string): Promise<Member[]>;
  /**
   * Erases the record's personal fields and stores `events` in the same single-document write;
   * false when it was already erased (or is gone). Keeps memberId, cooperativeId, roles, createdAt.
   */
  pseudonymise(memberId: string, erasure: MemberErasure, events: Envelope[]): Promise<boolean>;
}

export interface NikViewDeps {
  members: Pick<MemberPrivacyRepository, 'findById'>;
  nikKeyring: NikKeyring;
  audit: AuditTrail;
  logger: Logger;
}

export interface PersonalDataDeps {
  members: MemberPrivacyRepository;
  people: PeopleReader;
  peopleEraser: PeopleEraser;
  audit: AuditTrail;
  logger: Logger;
  /** The relay publishes the member records' outbox (their audit events) at once. */
  onEventsWritten: (aggregate: 'member', id: string) => void;
  clock?: () => Date;
}
