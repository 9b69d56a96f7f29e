import type { StoredEntry } from '../use-cases/ports';

/** A stored entry as the API shows it (absent optional fields as null). */
export function toEntryView(e: StoredEntry) {
  return {
    entryId: e.entryId,
    cooperativeId: e.cooperativeId,
    period: e.period,
    occurredAt: e.occurredAt,
    sourceId: e.sourceId,
    kind: e.kind,
    memo: e.memo,
    lines: e.lines,
    reverses: e.reverses ?? null,
    lateFor: e.lateFor ?? null,
    postedAt: e.postedAt,
    proposedBy: e.proposedBy ?? null,
    approvedBy: e.approvedBy ?? null,
  };
}
