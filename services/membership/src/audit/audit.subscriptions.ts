import { AuditRecorded } from '@pasar/contracts';
import { type Logger, on, type Subscription } from '@pasar/events';
import { auditRecordedHandler } from './audit-recorded.handler';
import type { AuditTrail } from './audit-trail';

/** What membership listens to (consumer group `${KAFKA_TOPIC_PREFIX}membership`). */
export function auditSubscriptions(deps: { audit: AuditTrail; logger: Logger }): Subscription[] {
  return [on(AuditRecorded, auditRecordedHandler(deps))];
}
