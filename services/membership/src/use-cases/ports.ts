import type { Envelope, ServiceName } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { Cooperative } from '../domain/cooperative';
import type { Member, MemberRole } from '../domain/member';
import type { NikKeyring } from '../domain/nik';
import type { Person } from '../domain/person';
import type { Seller } from '../domain/seller';
import type { ApplicationStatus, SellerApplication } from '../domain/seller-application';
import type { Session, SessionPolicy } from '../domain/session';

/** What the use cases need from storage. db/ implements it on mongo; tests pass in-memory fakes. */
export interface CooperativeRepository {
  /** Inserts with its events in one write; false when the id is taken. */
  insert(c: Cooperative, events: Envelope[]): Promise<boolean>;
  findById(cooperativeId: string): Promise<Cooperative | null>;
  list(): Promise<Cooperative[]>;
  /** Writes `next` only if the stored version is still `expectedVersion`; false otherwise. */
  update(next: Cooperative, expectedVersion: number, events: Envelope[]): Promise<boolean>;
}

export type MemberInsertResult = 'inserted' | 'duplicate-id' | 'duplicate-nik';

export interface MemberRepository {
  insert(m: Member, events: Envelope[]): Promise<MemberInsertResult>;
  findById(memberId: string): Promise<Member | null>;
  /** Members of a cooperative ordered by memberId, after the given id. */
  list(cooperativeId: string, opts: { limit: number; after?: string }): Promise<Member[]>;
  /** The cooperative's member record linked to the person (account), if any. */
  findByPerson(cooperativeId: string, personId: string): Promise<Member | null>;
  /** Links a record to its account, only while it has none; false when it was linked already. */
  linkPerson(memberId: string, personId: string, events?: Envelope[]): Promise<boolean>;
  /** Adds a role to the registry record (a no-op when it has it). */
  addRole(memberId: string, role: MemberRole): Promise<void>;
}

export type ApplicationInsertResult = 'inserted' | 'duplicate-open';

/** `seller_applications`: at most one pending application per member (a unique key, no partial index). */
export interface SellerApplicationRepository {
  /** Inserts with its events in one write; `duplicate-open` when the member has a pending one. */
  insert(a: SellerApplication, events: Envelope[]): Promise<ApplicationInsertResult>;
  findById(applicationId: string): Promise<SellerApplication | null>;
  /** The pending one of a member, if any. */
  findOpen(cooperativeId: string, memberId: string): Promise<SellerApplication | null>;
  /** Newest first. */
  listByCooperative(cooperativeId: string, status?: ApplicationStatus): Promise<SellerApplication[]>;
  /** A member's own, newest first. */
  listByPerson(cooperativeId: string, personId: string): Promise<SellerApplication[]>;
  /** Writes `next` (and its events, same write) only if the stored version is `expectedVersion`. */
  update(next: SellerApplication, expectedVersion: number, events: Envelope[]): Promise<boolean>;
}

/** `sellers` (`_id` = sellerId = memberId): the registry, each document with its own outbox. */
export interface SellerRepository {
  /** Inserts with its events (SellerApproved, the audit entry) in one write; false when the id is taken. */
  insert(s: Seller, events: Envelope[]): Promise<boolean>;
  findById(sellerId: string): Promise<Seller | null>;
  /** Oldest first (by since). */
  listByCooperative(cooperativeId: string): Promise<Seller[]>;
  /** Writes `next` (and its events, same write) only if the stored version is `expectedVersion`. */
  update(next: Seller, expectedVersion: number, events: Envelope[]): Promise<boolean>;
  /** Sellers whose approval follow-up may be unfinished (a crash between the writes). */
  listFollowUpPending(): Promise<Seller[]>;
  /** Marks the follow-up finished (idempotent). */
  markFollowUpDone(sellerId: string): Promise<void>;
}

export type PersonInsertResult = 'inserted' | 'duplicate-id' | 'duplicate-phone';

/**
 * Accounts (collection `people`). Besides the use cases here, the privacy part (export, erasure)
 * reads a person with findById and erases one with pseudonymise.
 */
export interface PersonRepository {
  /** Inserts with its events in one write. */
  insert(p: Person, events: Envelope[]): Promise<PersonInsertResult>;
  findById(personId: string): Promise<Person | null>;
  /** By the normalised phone (+628…). */
  findByPhone(phone: string): Promise<Person | null>;
  /** Writes `next` (and its events, same write) only if the stored version is `expectedVersion`. */
  update(next: Person, expectedVersion: number, events: Envelope[]): Promise<boolean>;
  /** People holding a grant in the cooperative, by personId, after the given id. */
  listByCooperative(cooperativeId: string, opts: { limit: number; after?: string }): Promise<Person[]>;
  /** How many people are pengurus in the ketua position of the cooperative. */
  countKetua(cooperativeId: string): Promise<number>;
  /**
   * One more consecutive failure; every `maxFailures`-th sets lockedUntil = now + blockSeconds.
   * Atomic on the document. Returns the new count.
   */
  recordSignInFailure(
    personId: string,
    now: Date,
    policy: { maxFailures: number; blockSeconds: number },
  ): Promise<number>;
  /** Resets the failure counter and the lockout, stamps lastSignInAt. */
  recordSignInSuccess(personId: string, now: Date): Promise<void>;
  /**
   * Erasure (UU PDP): replaces name, phone and email by the pseudonym, drops the password hash and
   * any reset code, keeps the id (records the cooperative must keep point at it) and the grants.
   * False when there is no such person.
   */
  pseudonymise(personId: string, pseudonym: string): Promise<boolean>;
}

export interface SessionRepository {
  insert(s: Session): Promise<void>;
  findByDigest(digest: string): Promise<Session | null>;
  /** Moves lastSeenAt forward (the idle timer). */
  touch(digest: string, now: Date): Promise<void>;
  /** Sets revokedAt unless already revoked. */
  revoke(digest: string, now: Date): Promise<void>;
  /** Revokes every live session of the person; returns how many. */
  revokeAllOf(personId: string, now: Date): Promise<number>;
}

export interface AuthEventRecord {
  id: string;
  kind: 'sign-in.succeeded' | 'sign-in.failed';
  /** Null when the phone matched no account (the phone itself is not kept). */
  personId: string | null;
  /** The client address the attempt came from (kept here for security review, never put in events). */
  address: string;
  at: Date;
}

/** Append-only `auth_events`: each record with its AuditRecorded events in the same insert. */
export interface AuthEventRepository {
  append(record: AuthEventRecord, events: Envelope[]): Promise<void>;
}

export interface MembershipDeps {
  cooperatives: CooperativeRepository;
  members: MemberRepository;
  /** Secret salt for NIK hashes (config NIK_HASH_SALT). */
  nikSalt: string;
  /** NIK encryption keys (NIK_ENCRYPTION_KEYS); without them only the HMAC and last 4 are stored. */
  nikKeyring?: NikKeyring;
  logger: Logger;
  /**
   * Called after a write that stored events, naming the aggregate: the relay publishes them at once
   * instead of at its next sweep.
   */
  onEventsWritten: (aggregate: Aggregate, id: string) => void;
  clock?: () => Date;
}

export type Aggregate = 'cooperative' | 'member' | 'person' | 'auth-event' | 'seller' | 'seller-application';

export const EVENT_SOURCE = 'urn:pasar:membership';

export function now(deps: Pick<MembershipDeps, 'clock'>): Date {
  return deps.clock?.() ?? new Date();
}

/** Mints access tokens (implemented in tokens/issuer.ts over the Ed25519 signing key). */
export interface TokenMinter {
  ttlSeconds: number;
  /** One token per service audience for the person and session. */
  mint(person: Person, sessionRef: string): Promise<Record<ServiceName, string>>;
}

export interface ThrottleKeys {
  /** The normalised phone tried. */
  account: string;
  /** The client address. */
  address: string;
}

/** Consecutive-failure throttle (implemented in auth/throttle.ts on rate-limiter-flexible). */
export interface Throttle {
  policy: { maxFailures: number; blockSeconds: number };
  /** Seconds to wait when the account or the address is blocked, else 0. */
  retryAfter(keys: ThrottleKeys): Promise<number>;
  fail(keys: ThrottleKeys): Promise<void>;
  /** A success resets the account's counter (the address keeps its own). */
  succeed(keys: ThrottleKeys): Promise<void>;
}

/** Everything the account use cases need, on top of the registry's dependencies. */
export interface AccountsDeps extends MembershipDeps {
  people: PersonRepository;
  sessions: SessionRepository;
  authEvents: AuthEventRepository;
  sessionPolicy: SessionPolicy;
  tokens: TokenMinter;
  throttle: Throttle;
}

/** The seller applications and registry, on top of the accounts (approval grants a role). */
export interface SellersDeps extends AccountsDeps {
  applications: SellerApplicationRepository;
  sellers: SellerRepository;
}
