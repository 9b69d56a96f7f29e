import { AuditRecorded, type CooperativeRole, type Envelope, newEvent } from '@pasar/contracts';
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
 * Local until service-kit's shared `auditEvent()` lands; then this is switched over.
 */
export function auditEvent(input: AuditInput): Envelope {
  return newEvent(
    AuditRecorded,
    input.cooperativeId,
    {
      cooperativeId: input.cooperativeId,
      actorId: input.actor.personId,
      actorRoles: input.actor.roles,
      action: input.action,
      target: { type: 'order', id: input.orderId },
      ...(input.before ? { before: input.before } : {}),
      ...(input.after ? { after: input.after } : {}),
      at: input.at.toISOString(),
    },
    {
      source: EVENT_SOURCE,
      cooperativeId: input.cooperativeId,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    },
  );
}
