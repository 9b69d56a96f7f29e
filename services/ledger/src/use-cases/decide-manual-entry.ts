import { auditEvent, type Principal } from '@pasar/service-kit';
import { manualEntryNotFound, notPending, secondPengurusRequired } from '../domain/errors';
import { type LedgerDeps, type ManualEntry, now } from './ports';
import { postEntry } from './post-entry';

async function load(deps: LedgerDeps, cooperativeId: string, id: string): Promise<ManualEntry> {
  const entry = await deps.manualEntries.findById(id);
  if (!entry || entry.cooperativeId !== cooperativeId) throw manualEntryNotFound(id);
  return entry;
}

/**
 * A second pengurus approves: the entry is posted into its own month (refused with the period's
 * name if that month closed meanwhile). The document goes pending → approving (claimed by this
 * approver) → approved, so a concurrent rejection cannot slip between the posting and the mark,
 * and an approval that crashed after posting is finished by approving again (posting is idempotent).
 */
export async function approveManualEntry(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  id: string,
): Promise<ManualEntry> {
  const entry = await load(deps, cooperativeId, id);
  if (entry.proposedBy === principal.personId) throw secondPengurusRequired();
  if (entry.status === 'approving' && entry.decidedBy !== principal.personId)
    throw notPending(id, entry.status);
  if (entry.status !== 'pending' && entry.status !== 'approving') throw notPending(id, entry.status);
  const at = now(deps);
  if (
    entry.status === 'pending' &&
    !(await deps.manualEntries.transition(
      id,
      ['pending'],
      { status: 'approving', decidedBy: principal.personId },
      [],
    ))
  )
    return refusedAfterRace(deps, cooperativeId, id);
  let posted: Awaited<ReturnType<typeof postEntry>>;
  try {
    posted = await postEntry(
      deps,
      {
        entryId: `je_${entry.id}`,
        cooperativeId,
        occurredAt: entry.occurredAt,
        sourceId: entry.id,
        kind: 'manual',
        memo: entry.memo,
        lines: entry.lines,
        proposedBy: entry.proposedBy,
        approvedBy: principal.personId,
      },
      { whenClosed: 'refuse' },
    );
  } catch (err) {
    // Not posted (its month is closed): back to pending, so it can be rejected or proposed anew.
    await deps.manualEntries.transition(id, ['approving'], { status: 'pending', decidedBy: null }, []);
    throw err;
  }
  const set = { status: 'approved' as const, decidedAt: at.toISOString(), entryId: posted.entry.entryId };
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.manual-entry.approved',
    target: { type: 'manual-entry', id },
    before: { status: 'pending' },
    after: { status: 'approved', entryId: posted.entry.entryId, period: posted.entry.period },
    at,
  });
  await deps.manualEntries.transition(id, ['approving'], set, [audit]);
  deps.onEventsWritten?.('manual', id);
  return { ...entry, ...set, decidedBy: principal.personId };
}

async function refusedAfterRace(deps: LedgerDeps, cooperativeId: string, id: string): Promise<never> {
  const now = await load(deps, cooperativeId, id);
  throw notPending(id, now.status);
}

/** Any pengurus may reject a pending entry (the proposer too: withdrawing it), with a reason. */
export async function rejectManualEntry(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  id: string,
  reason: string,
): Promise<ManualEntry> {
  const entry = await load(deps, cooperativeId, id);
  if (entry.status !== 'pending') throw notPending(id, entry.status);
  const at = now(deps);
  const set = {
    status: 'rejected' as const,
    decidedBy: principal.personId,
    decidedAt: at.toISOString(),
    rejectReason: reason,
  };
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.manual-entry.rejected',
    target: { type: 'manual-entry', id },
    before: { status: 'pending' },
    after: { status: 'rejected', reason },
    at,
  });
  if (!(await deps.manualEntries.transition(id, ['pending'], set, [audit])))
    return refusedAfterRace(deps, cooperativeId, id);
  deps.onEventsWritten?.('manual', id);
  return { ...entry, ...set };
}
