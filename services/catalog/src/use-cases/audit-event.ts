import { AuditRecorded, type CooperativeRole, newEvent } from '@pasar/contracts';
import type { Actor } from '../domain/product-access';
import { CATALOG_SOURCE } from './deps';

// TODO(lead): replace with service-kit's auditEvent() once it lands (being added in parallel).
/**
 * An AuditRecorded entry for a staff or seller change, to be stored in the changed product's
 * outbox in the same write as the change. Its subject is the cooperative: the outbox keys records
 * by subject, and audit.entry.v1 is keyed by cooperative. Values are plain facts (prices, counts,
 * statuses): never personal data.
 */
export function auditEvent(input: {
  cooperativeId: string;
  actor: Actor;
  action: `catalog.product.${string}`;
  productId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: Date;
  correlationId?: string;
}) {
  return newEvent(
    AuditRecorded,
    input.cooperativeId,
    {
      cooperativeId: input.cooperativeId,
      actorId: input.actor.personId,
      actorRoles: [...input.actor.roles] as CooperativeRole[],
      action: input.action,
      target: { type: 'product', id: input.productId },
      ...(input.before ? { before: input.before } : {}),
      ...(input.after ? { after: input.after } : {}),
      at: input.at.toISOString(),
    },
    {
      source: CATALOG_SOURCE,
      cooperativeId: input.cooperativeId,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    },
  );
}
