import type { Envelope } from '@pasar/contracts';
import { periodClosed } from '../domain/errors';
import { type JournalEntry, nextPeriod, type Period, periodOf } from '../domain/journal';
import { type LedgerDeps, now, type StoredEntry } from './ports';

export type EntryDraft = Omit<JournalEntry, 'period' | 'lateFor'> &
  Pick<StoredEntry, 'proposedBy' | 'approvedBy'>;

/** Closed months are finite (at most every month up to now): the walk to an open one ends. */
const MAX_WALK = 1200;

/**
 * Books one entry, once. Its period is the month it happened in (Asia/Jakarta) while that is open;
 * else `whenClosed` says: `next-open` books it in the first open period after it, marked `lateFor`
 * (late events), `refuse` throws LEDGER.PERIOD_CLOSED naming the period (manual entries).
 * A second call for the same entry id returns the stored one and posts nothing.
 */
export async function postEntry(
  deps: LedgerDeps,
  draft: EntryDraft,
  opts: { whenClosed: 'next-open' | 'refuse'; events?: Envelope[] },
): Promise<{ entry: StoredEntry; posted: boolean }> {
  const existing = await deps.journal.findById(draft.entryId);
  if (existing) return { entry: existing, posted: false };
  const own = periodOf(draft.occurredAt);
  let period: Period = own;
  let seq: number | null = null;
  for (let i = 0; i < MAX_WALK; i++) {
    seq = await deps.periods.admit(draft.cooperativeId, period);
    if (seq !== null) break;
    if (opts.whenClosed === 'refuse') throw periodClosed(period);
    period = nextPeriod(period);
  }
  if (seq === null) throw new Error(`no open period after ${own} for ${draft.cooperativeId}`);
  const entry: StoredEntry = {
    ...draft,
    period,
    ...(period !== own ? { lateFor: own } : {}),
    seq,
    postedAt: now(deps).toISOString(),
  };
  const events = opts.events ?? [];
  if ((await deps.journal.insert(entry, events)) === 'duplicate') {
    // Another delivery of the same source won the insert: that one is the entry.
    const stored = await deps.journal.findById(draft.entryId);
    if (!stored) throw new Error(`entry ${draft.entryId} reported duplicate but cannot be read`);
    return { entry: stored, posted: false };
  }
  if (events.length > 0) deps.onEventsWritten?.('journal', entry.entryId);
  return { entry, posted: true };
}
