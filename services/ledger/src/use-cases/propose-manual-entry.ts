import { auditEvent, type Principal, randomId, ValidationError } from '@pasar/service-kit';
import { periodClosed } from '../domain/errors';
import { periodOf } from '../domain/journal';
import { checkedLines } from './manual-entry-view';
import { type LedgerDeps, type ManualEntry, now } from './ports';

const DAY = 24 * 60 * 60 * 1000;

export interface ManualEntryInput {
  memo: string;
  occurredAt: string;
  lines: { account: string; debit: number; credit: number }[];
}

/**
 * The bendahara proposes a manual entry (electricity, a purchase of the cooperative's own stock, the
 * stock count's HPP…): checked now, kept pending until a second pengurus approves it. A closed
 * month is refused at once, naming it.
 */
export async function proposeManualEntry(
  deps: LedgerDeps,
  principal: Principal,
  cooperativeId: string,
  input: ManualEntryInput,
): Promise<ManualEntry> {
  const lines = checkedLines(input.lines);
  const at = now(deps);
  // Books record what happened: a day ahead at most (a clock a little off), never next month's bill.
  if (Date.parse(input.occurredAt) > at.getTime() + DAY)
    throw new ValidationError([{ field: 'occurredAt', message: 'must not be in the future' }]);
  const period = periodOf(input.occurredAt);
  if ((await deps.periods.find(cooperativeId, period))?.status === 'closed') throw periodClosed(period);
  const entry: ManualEntry = {
    id: randomId('me'),
    cooperativeId,
    memo: input.memo,
    occurredAt: new Date(input.occurredAt).toISOString(),
    lines,
    status: 'pending',
    proposedBy: principal.personId,
    proposedAt: at.toISOString(),
    decidedBy: null,
    decidedAt: null,
    rejectReason: null,
    entryId: null,
  };
  const audit = auditEvent({
    cooperativeId,
    principal,
    action: 'ledger.manual-entry.proposed',
    target: { type: 'manual-entry', id: entry.id },
    after: { memo: entry.memo, occurredAt: entry.occurredAt, lines },
    at,
  });
  await deps.manualEntries.insert(entry, [audit]);
  deps.onEventsWritten?.('manual', entry.id);
  return entry;
}
