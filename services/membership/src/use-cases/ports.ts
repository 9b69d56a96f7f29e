import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { Cooperative } from '../domain/cooperative';
import type { Member } from '../domain/member';
import type { NikKeyring } from '../domain/nik';

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
  onEventsWritten: (aggregate: 'cooperative' | 'member', id: string) => void;
  clock?: () => Date;
}

export const EVENT_SOURCE = 'urn:pasar:membership';

export function now(deps: Pick<MembershipDeps, 'clock'>): Date {
  return deps.clock?.() ?? new Date();
}
