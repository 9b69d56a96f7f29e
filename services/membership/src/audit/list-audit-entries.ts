import {
  type AuditEntryRepository,
  type AuditEntryView,
  type AuditPosition,
  toAuditEntryView,
} from './audit-entry';

export interface AuditPage {
  items: AuditEntryView[];
  /** Where the next (older) page starts, when more may follow. */
  next: AuditPosition | null;
}

/** One cooperative's trail, newest first. The caller's access to that cooperative is checked by the route rule. */
export async function listAuditEntries(
  deps: { entries: AuditEntryRepository },
  cooperativeId: string,
  opts: { limit: number; before?: AuditPosition; action?: string },
): Promise<AuditPage> {
  const rows = await deps.entries.list(cooperativeId, { ...opts, limit: opts.limit + 1 });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: page.map(toAuditEntryView),
    next: rows.length > opts.limit && last ? { at: last.at, id: last.id } : null,
  };
}
