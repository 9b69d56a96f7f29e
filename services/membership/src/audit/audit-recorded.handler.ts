import type { Logger } from '@pasar/events';
import type { AuditRecordedEvent } from '@pasar/service-kit';
import type { AuditTrail } from './audit-trail';

/** AuditRecorded from any service → one append-only entry (idempotent by event id). */
export function auditRecordedHandler(deps: { audit: AuditTrail; logger: Logger }) {
  return async (event: AuditRecordedEvent) => {
    const result = await deps.audit.store(event);
    if (result === 'duplicate') deps.logger.debug({ eventId: event.id }, 'audit entry already stored');
  };
}
