import { auditEvent as kitAuditEvent } from '@pasar/service-kit';
import type { Actor } from '../domain/product-access';
import { CATALOG_SOURCE } from './deps';

/**
 * An AuditRecorded entry for a staff or seller change, to be stored in the changed document's
 * outbox in the same write as the change (the kit's builder: keyed by cooperative, values redacted).
 * Values are plain facts (prices, counts, statuses): never personal data.
 */
export function auditEvent(
  input: {
    cooperativeId: string;
    actor: Actor;
    action: `catalog.${string}`;
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    at: Date;
    correlationId?: string;
  } & ({ productId: string } | { target: { type: string; id: string } }),
) {
  return kitAuditEvent({
    cooperativeId: input.cooperativeId,
    principal: input.actor,
    action: input.action,
    target: 'target' in input ? input.target : { type: 'product', id: input.productId },
    before: input.before,
    after: input.after,
    source: CATALOG_SOURCE,
    at: input.at,
    correlationId: input.correlationId,
  });
}
