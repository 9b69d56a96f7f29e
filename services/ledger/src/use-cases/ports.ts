import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { JournalEntry, JournalLine, Period } from '../domain/journal';
import type { ShuAllocation } from '../domain/shu';
import type { ShuRun, ShuStatus } from '../domain/shu-run';

/** A journal entry as stored: the entry, when it was written, and its admission number in its period. */
export interface StoredEntry extends JournalEntry {
  /** The n-th posting its period admitted (see PeriodRepository.admit). */
  seq: number;
  postedAt: string;
  /** Manual entries: who proposed and who approved it (person ids). */
  proposedBy?: string;
  approvedBy?: string;
}

/**
 * The journal: insert and read, nothing else. There is no update and no delete — a correction is
 * a reversing entry — and `_id` = entry id makes a second insert for the same source a no-op.
 */
export interface JournalRepository {
  insert(entry: StoredEntry, events: Envelope[]): Promise<'inserted' | 'duplicate'>;
  findById(entryId: string): Promise<StoredEntry | null>;
  /** Entries booked in periods `from`…`to` (inclusive; `from` omitted: since the beginning). */
  list(q: { cooperativeId?: string; from?: Period; to: Period }): Promise<StoredEntry[]>;
}

export interface PeriodRecord {
  cooperativeId: string;
  period: Period;
  status: 'open' | 'closed';
  /** Postings admitted so far; for a closed period, exactly those admitted before it closed. */
  admitted: number;
  closedBy: string | null;
  closedAt: string | null;
}

export interface PeriodRepository {
  /**
   * Admits one posting into an open period (created open on first use) and returns its number;
   * null when the period is closed. Closing takes the count in the same document, so a posting is
   * either admitted before the close (and belongs to the period) or refused after it.
   */
  admit(cooperativeId: string, period: Period): Promise<number | null>;
  /** Closes an open period; null when it was closed already. */
  close(
    cooperativeId: string,
    period: Period,
    by: string,
    at: Date,
    events: Envelope[],
  ): Promise<PeriodRecord | null>;
  find(cooperativeId: string, period: Period): Promise<PeriodRecord | null>;
  list(cooperativeId: string): Promise<PeriodRecord[]>;
  /** A settled closed month's per-account totals (see period-balances.ts), kept on its document. */
  setTotals(cooperativeId: string, period: Period, totals: JournalLine[]): Promise<void>;
  totals(cooperativeId: string): Promise<Map<Period, JournalLine[]>>;
}

export const MANUAL_STATUSES = ['pending', 'approving', 'approved', 'rejected'] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

/** A manual entry the bendahara proposed: a document of its own, not in the journal until approved. */
export interface ManualEntry {
  id: string;
  cooperativeId: string;
  memo: string;
  occurredAt: string;
  lines: JournalLine[];
  status: ManualStatus;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  rejectReason: string | null;
  /** The journal entry it became once approved. */
  entryId: string | null;
}

export interface ManualEntryRepository {
  insert(entry: ManualEntry, events: Envelope[]): Promise<void>;
  findById(id: string): Promise<ManualEntry | null>;
  /** Moves the entry from one of `from` and sets fields, with events; false when it was not in `from`. */
  transition(
    id: string,
    from: readonly ManualStatus[],
    set: Partial<ManualEntry>,
    events: Envelope[],
  ): Promise<boolean>;
  list(cooperativeId: string, status?: ManualStatus): Promise<ManualEntry[]>;
}

/** An order as the consignment split needs it: when it was handed over, whose sales it held. */
export interface ConsignmentOrder {
  orderId: string;
  cooperativeId: string;
  /** OrderCompleted's time; null until the ledger heard it. */
  handedOverAt: string | null;
  sales: { sellerId: string; gross: number; commission: number }[];
  /** Sellers whose sale was undone before handover. */
  undone: string[];
}

/**
 * What the ledger remembers of events it consumed, to book later ones: each payment's provider
 * (a cash payment's success is booked at handover, not as a capture), and per order its handover
 * and the consignment sales payments recorded (they travel on different topics, in any order).
 */
export interface ReadModels {
  rememberPayment(paymentId: string, provider: string): Promise<void>;
  paymentProvider(paymentId: string): Promise<string | null>;
  recordHandover(cooperativeId: string, orderId: string, at: string): Promise<ConsignmentOrder>;
  recordConsignmentSale(
    cooperativeId: string,
    orderId: string,
    sale: { sellerId: string; gross: number; commission: number },
  ): Promise<ConsignmentOrder>;
  recordConsignmentUndone(
    cooperativeId: string,
    orderId: string,
    sellerId: string,
  ): Promise<ConsignmentOrder>;
}

/** A member as membership announced them (MemberRegistered): no personal data but the name. */
export interface MemberRecord {
  memberId: string;
  cooperativeId: string;
  displayName: string;
  /** The member's account, to find a signed-in buyer's purchases and the member's own SHU line. */
  personId: string | null;
  /** When membership began (the event's time for events that did not say). */
  joinedAt: string;
}

/** A savings movement as the books have it: in the period its entry was booked in. */
export interface SavingsRecord {
  eventId: string;
  cooperativeId: string;
  memberId: string;
  kind: 'pokok' | 'wajib' | 'sukarela';
  /** Positive in, negative out (a sukarela withdrawal). */
  amount: number;
  period: Period;
}

/**
 * A member's transaction with the cooperative for SHU jasa usaha, in the period the books booked
 * it: a purchase through the market (by the buyer's account: a guest has none) or a consignment
 * sale of the member's goods (by the seller's member id).
 */
export interface TransactionRecord {
  id: string;
  cooperativeId: string;
  kind: 'purchase' | 'consignment';
  personId: string | null;
  memberId: string | null;
  orderId: string;
  amount: number;
  period: Period;
}

/** Sums of transactions per buyer account or seller member and period (what SHU reads). */
export interface TransactionSum {
  kind: TransactionRecord['kind'];
  personId: string | null;
  memberId: string | null;
  period: Period;
  amount: number;
}

/** The read models SHU needs, fed by the consumer (each write an idempotent upsert by event). */
export interface MemberReadModels {
  /** Upsert by member id; a record without an account never clears one a later link set. */
  recordMember(m: MemberRecord): Promise<void>;
  /** MemberAccountLinked: false when the member is unknown (MemberRegistered comes first on its topic). */
  linkAccount(cooperativeId: string, memberId: string, personId: string): Promise<boolean>;
  members(cooperativeId: string): Promise<MemberRecord[]>;
  memberByPerson(cooperativeId: string, personId: string): Promise<MemberRecord | null>;
  recordSavings(r: SavingsRecord): Promise<void>;
  recordTransaction(r: TransactionRecord): Promise<void>;
  /** Per member, per kind: what the books hold up to the end of `to`. */
  savingsBalances(
    cooperativeId: string,
    to: Period,
  ): Promise<Map<string, { pokok: number; wajib: number; sukarela: number }>>;
  transactionSums(cooperativeId: string, from: Period, to: Period): Promise<TransactionSum[]>;
}

export interface AllocationRecord {
  cooperativeId: string;
  allocation: ShuAllocation;
  updatedBy: string;
  updatedAt: string;
}

export interface ShuRepository {
  allocation(cooperativeId: string): Promise<AllocationRecord | null>;
  /** Sets the bylaws' allocation, with its audit entry in the same write. */
  putAllocation(record: AllocationRecord, events: Envelope[]): Promise<void>;
  findRun(cooperativeId: string, year: number): Promise<ShuRun | null>;
  listRuns(cooperativeId: string): Promise<Pick<ShuRun, 'year' | 'status' | 'shu' | 'ratDate'>[]>;
  /**
   * Stores a draft: a new one (`version` 1, none stored yet), or the replacement of the stored
   * draft of version `run.version - 1`. False when the stored run moved on meanwhile.
   */
  saveDraft(run: ShuRun, events: Envelope[]): Promise<boolean>;
  /** Moves the run from `from` at `version` to `set` (version + 1), with events; the run after, or null. */
  transition(
    cooperativeId: string,
    year: number,
    from: ShuStatus,
    version: number,
    set: Partial<ShuRun>,
    events: Envelope[],
  ): Promise<ShuRun | null>;
}

export interface LedgerDeps {
  journal: JournalRepository;
  periods: PeriodRepository;
  manualEntries: ManualEntryRepository;
  readModels: ReadModels;
  members: MemberReadModels;
  shu: ShuRepository;
  logger: Logger;
  /** Tells the relay that a document has events to publish (audit entries, ShuDistributed). */
  onEventsWritten?: (
    collection: 'journal' | 'periods' | 'manual' | 'shu' | 'allocations',
    id: string,
  ) => void;
  clock?: () => Date;
  /** How long after its close a month's totals may be kept (period-balances.ts; default 60 s). */
  settleMs?: number;
}

export const now = (deps: Pick<LedgerDeps, 'clock'>) => (deps.clock ? deps.clock() : new Date());
