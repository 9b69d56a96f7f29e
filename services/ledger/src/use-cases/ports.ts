import type { Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { JournalEntry, JournalLine, Period } from '../domain/journal';

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

export interface LedgerDeps {
  journal: JournalRepository;
  periods: PeriodRepository;
  manualEntries: ManualEntryRepository;
  readModels: ReadModels;
  logger: Logger;
  /** Tells the relay that a document has events to publish (audit entries). */
  onEventsWritten?: (collection: 'journal' | 'periods' | 'manual', id: string) => void;
  clock?: () => Date;
  /** How long after its close a month's totals may be kept (period-balances.ts; default 60 s). */
  settleMs?: number;
}

export const now = (deps: Pick<LedgerDeps, 'clock'>) => (deps.clock ? deps.clock() : new Date());
