import { auditEvent, type Principal } from '@pasar/service-kit';
import { alreadyReversed, entryNotFound, reversalNotReversible } from '../domain/errors';
import { periodOf, reversalOf } from '../domain/journal';
import { type LedgerDeps, now, type StoredEntry } from './ports';
import { postEntry } from './post-entry';

export const reversalIdOf = (entryId: string) => `je_reversal-of-${entryId}`;

/**
 * A correction: the entry's reversing entry (same lines, sides swapped), booked today with the
 * bendahara's memo. The original stays as it was; an entry is reversed once, and a reversal is not
 * reversed again (post a new entry instead).
 */
export async function reverseEntry(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  entryId: string,
  memo: string,
): Promise<StoredEntry> {
  const original = await deps.journal.findById(entryId);
  if (!original || original.cooperativeId !== cooperativeId) throw entryNotFound(entryId);
  if (original.kind === 'reversal') throw reversalNotReversible(entryId);
  const id = reversalIdOf(entryId);
  if (await deps.journal.findById(id)) throw alreadyReversed(entryId, id);
  const at = now(deps);
  const draft = reversalOf(original, {
    entryId: id,
    sourceId: `reversal-of-${entryId}`,
    occurredAt: at.toISOString(),
    memo,
    period: periodOf(at),
  });
  // postEntry books it: today's month while open, else the next open one.
  const { period: _booked, ...rest } = draft;
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.entry.reversed',
    target: { type: 'journal-entry', id: entryId },
    after: { reversal: id, memo },
    at,
  });
  const { entry, posted } = await postEntry(
    deps,
    { ...rest, approvedBy: principal.personId },
    { whenClosed: 'next-open', events: [audit] },
  );
  if (!posted) throw alreadyReversed(entryId, id);
  return entry;
}
