import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { MemberRepository } from '../../use-cases/ports';
import type { Balances, SavingsAccount } from '../domain/account';
import type { StoredSavingsSettings } from '../domain/settings';

/** A receipt number taken in a cooperative, and the one movement it belongs to. */
export interface ReceiptClaim {
  cooperativeId: string;
  receiptNumber: string;
  movementId: string;
  memberId: string;
  /** The request it was claimed for (member, kind, amount, method, months, receivedAt): a retry matches it. */
  fingerprint: string;
  claimedAt: Date;
}

/** An account without its movements: what the arrears list reads for every member at once. */
export interface AccountSummary {
  memberId: string;
  balances: Balances;
}

/**
 * Savings storage. Every account and settings write is guarded on the document's version (0:
 * insert it) and carries its events in the same write: false when another writer got there first,
 * and the caller reloads and decides again. FerretDB has no transactions; receipt numbers are
 * unique per cooperative through the claim documents' `_id`.
 */
export interface SavingsStore {
  getSettings(cooperativeId: string): Promise<StoredSavingsSettings | null>;
  saveSettings(settings: StoredSavingsSettings, events: Envelope[]): Promise<boolean>;
  getAccount(cooperativeId: string, memberId: string): Promise<SavingsAccount | null>;
  saveAccount(account: SavingsAccount, events: Envelope[]): Promise<boolean>;
  /** Every account of the cooperative, balances only (one query). */
  listSummaries(cooperativeId: string): Promise<AccountSummary[]>;
  getReceipt(cooperativeId: string, receiptNumber: string): Promise<ReceiptClaim | null>;
  /** False when the number is taken already. */
  claimReceipt(claim: ReceiptClaim): Promise<boolean>;
  /** Frees the claim of a movement that was refused (only if it is still that movement's). */
  releaseReceipt(cooperativeId: string, receiptNumber: string, movementId: string): Promise<void>;
}

/** The member registry, read only: who a member is, when they joined, which account is theirs. */
export type SavingsMembers = Pick<MemberRepository, 'findById' | 'findByPerson' | 'list'>;

export interface SavingsDeps {
  store: SavingsStore;
  members: SavingsMembers;
  logger: Logger;
  /** After a write that stored events in that document's outbox: the relay publishes them at once. */
  onEventsWritten: (doc: { collection: 'accounts' | 'settings'; id: string }) => void;
  clock?: () => Date;
}

export const accountKey = (cooperativeId: string, memberId: string) => `${cooperativeId}:${memberId}`;

export const nowOf = (deps: Pick<SavingsDeps, 'clock'>): Date => deps.clock?.() ?? new Date();
