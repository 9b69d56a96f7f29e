import type { CooperativeRole, Envelope } from '@pasar/contracts';
import { auditEvent as kitAuditEvent } from '@pasar/service-kit';
import { EVENT_SOURCE } from './ports';

/** The staff member behind an action: their person id and roles in the order's cooperative. */
export interface StaffActor {
  personId: string;
  roles: CooperativeRole[];
}

export interface AuditInput {
  actor: StaffActor;
  cooperativeId: string;
  /** `orders.order.<verb>` */
  action: string;
  orderId: string;
  /** Plain facts only: statuses and amounts, never names, phones, addresses or free text. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: Date;
  correlationId?: string;
}

/**
 * An AuditRecorded envelope for a staff action on an order, to go into the order document's
 * outbox in the same update as the change (keyed by cooperative, as the audit topic wants).
 */
export function auditEvent(input: AuditInput): Envelope {
  return kitAuditEvent({
    cooperativeId: input.cooperativeId,
    principal: input.actor,
    action: input.action,
    target: { type: 'order', id: input.orderId },
    before: input.before,
    after: input.after,
    source: EVENT_SOURCE,
    at: input.at,
    correlationId: input.correlationId,
  });
}
