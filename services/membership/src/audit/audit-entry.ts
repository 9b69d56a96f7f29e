import { type AuditRecordedEvent, redactForAudit } from '@pasar/service-kit';

/** One stored line of the audit trail: append-only, `id` is the AuditRecorded event's id. */
export interface AuditEntry {
  id: string;
  cooperativeId: string;
  actorId: string;
  actorRoles: string[];
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** When the action happened (the producer's clock). */
  at: Date;
  /** Which service wrote it (the envelope's source). */
  source: string;
  /** When membership stored it. */
  recordedAt: Date;
}

export interface AuditEntryView extends Omit<AuditEntry, 'at' | 'recordedAt'> {
  at: string;
  recordedAt: string;
}

/**
 * The entry an event stands for. Diffs are redacted once more on the way in: a producer that
 * forgot to leaves no password, hash, token, code or raw NIK in the trail.
 */
export function auditEntryFromEvent(evt: AuditRecordedEvent, recordedAt: Date): AuditEntry {
  const d = evt.data;
  return {
    id: evt.id,
    cooperativeId: d.cooperativeId,
    actorId: d.actorId,
    actorRoles: d.actorRoles,
    action: d.action,
    target: { type: d.target.type, id: d.target.id },
    ...(d.before ? { before: redactForAudit(d.before) } : {}),
    ...(d.after ? { after: redactForAudit(d.after) } : {}),
    at: new Date(d.at),
    source: evt.source,
    recordedAt,
  };
}

export function toAuditEntryView(e: AuditEntry): AuditEntryView {
  return { ...e, at: e.at.toISOString(), recordedAt: e.recordedAt.toISOString() };
}

/** Where a page of newest-first entries ends: the next page starts strictly before it. */
export interface AuditPosition {
  at: Date;
  id: string;
}

export interface AuditEntryQuery {
  limit: number;
  before?: AuditPosition;
  action?: string;
}

/**
 * Append-only storage. Deliberately no update or delete: an entry, once stored, stays as it was.
 * `append` is idempotent by id: a second delivery of the same event is a no-op.
 */
export interface AuditEntryRepository {
  append(entry: AuditEntry): Promise<'inserted' | 'duplicate'>;
  /** One cooperative's entries, newest first (by `at`, then id). */
  list(cooperativeId: string, query: AuditEntryQuery): Promise<AuditEntry[]>;
}
