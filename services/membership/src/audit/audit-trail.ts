import { AuditRecorded } from '@pasar/contracts';
import { type AuditInput, type AuditRecordedEvent, auditEvent } from '@pasar/service-kit';
import { type AuditEntry, type AuditEntryRepository, auditEntryFromEvent } from './audit-entry';

/** Membership keeps the trail of every service: entries from the bus, and its own. */
export interface AuditTrail {
  /** Stores an AuditRecorded event (from the bus); a second delivery is a no-op. */
  store(event: AuditRecordedEvent): Promise<'inserted' | 'duplicate'>;
  /**
   * Membership's own entries (a NIK viewed, data exported), written straight into the trail.
   * Resolves once stored: callers reveal nothing before the entry exists.
   */
  record(input: Omit<AuditInput, 'source'>): Promise<AuditEntry>;
}

export function createAuditTrail(deps: { entries: AuditEntryRepository; clock?: () => Date }): AuditTrail {
  const now = () => deps.clock?.() ?? new Date();
  return {
    store(event) {
      return deps.entries.append(auditEntryFromEvent(AuditRecorded.envelope.parse(event), now()));
    },
    async record(input) {
      const at = input.at ?? now();
      const event = auditEvent({ ...input, at, source: 'urn:pasar:membership' });
      const entry = auditEntryFromEvent(event, now());
      await deps.entries.append(entry);
      return entry;
    },
  };
}
