import type { AuditEntry, AuditEntryQuery, AuditEntryRepository } from './audit-entry';

/** In-memory audit entries with the mongo repository's contract (append-only, newest first). */
export class FakeAuditEntries implements AuditEntryRepository {
  readonly rows = new Map<string, AuditEntry>();
  async append(entry: AuditEntry) {
    if (this.rows.has(entry.id)) return 'duplicate' as const;
    this.rows.set(entry.id, structuredClone(entry));
    return 'inserted' as const;
  }
  async list(cooperativeId: string, q: AuditEntryQuery) {
    const newerFirst = (a: AuditEntry, b: AuditEntry) =>
      b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const before = q.before;
    return [...this.rows.values()]
      .filter((e) => e.cooperativeId === cooperativeId && (!q.action || e.action === q.action))
      .filter(
        (e) =>
          !before ||
          e.at.getTime() < before.at.getTime() ||
          (e.at.getTime() === before.at.getTime() && e.id < before.id),
      )
      .sort(newerFirst)
      .slice(0, q.limit)
      .map((e) => structuredClone(e));
  }
  /** All entries, for assertions. */
  all() {
    return [...this.rows.values()];
  }
}
