import { AuditRecorded, type CooperativeRole, newEvent } from '@pasar/contracts';
import { redactForAudit } from '@pasar/service-kit';
import type { Actor } from '../domain/product-access';
import { CATALOG_SOURCE } from './deps';

/**
 * An AuditRecorded entry for a staff or seller change, to be stored in the changed product's
 * outbox in the same write as the change. Its subject is the cooperative: the outbox keys records
 * by subject, and audit.entry.v1 is keyed by cooperative. Values are plain facts (prices, counts,
 * statuses), passed through the kit's redactForAudit() all the same. Catalog builds its own
 * envelope because its actor is the product-access Actor (roles already resolved), not a Principal.
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
      ...(input.before ? { before: redactForAudit(input.before) } : {}),
      ...(input.after ? { after: redactForAudit(input.after) } : {}),
      at: input.at.toISOString(),
    },
    {
      source: CATALOG_SOURCE,
      cooperativeId: input.cooperativeId,
      ...(input.correlationId ? { correlationId: input.correlationId } : {}),
    },
  );
}
