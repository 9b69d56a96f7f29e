import type { Envelope } from '@pasar/contracts';
import { editConflict, productNotFound } from '../domain/errors';
import { applyChanges, type Product, type ProductChanges, productEventFor } from '../domain/product';
import { actorMayChange } from './actor';
import { auditEvent } from './audit-event';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';

const ATTEMPTS = 5;
/** The fields whose changes are audited: money and whether it is for sale. */
const AUDITED = ['price', 'status'] as const;

/**
 * Edits a product (archiving is an edit to status 'archived'). Saved on the version it was read at,
 * with its event (and, for a price or status change through HTTP, its AuditRecorded entry) in the
 * same write; a concurrent edit makes it read again and retry. Nothing to change is a no-op.
 */
export async function updateProduct(
  deps: CatalogDeps,
  productId: string,
  changes: ProductChanges,
  ctx: WriteContext = {},
  /** The product as the caller just read it (saves a read; a stale one only costs a retry). */
  known?: Product,
): Promise<{ product: Product; changed: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = attempt === 0 && known ? known : await deps.products.findById(productId);
    if (!current) throw productNotFound(productId);
    const actor = actorMayChange(ctx, current);
    const now = new Date();
    const next = applyChanges(current, changes, now);
    if (!next) return { product: current, changed: false };
    const correlation = ctx.correlationId ? { correlationId: ctx.correlationId } : {};
    const events: Envelope[] = [
      productEventFor(current, next, {
        source: CATALOG_SOURCE,
        cooperativeId: next.cooperativeId,
        ...correlation,
      }),
    ];
    const audited = AUDITED.filter((k) => next[k] !== current[k]);
    if (actor && audited.length > 0)
      events.push(
        auditEvent({
          cooperativeId: next.cooperativeId,
          actor,
          action:
            next.status === 'archived' && current.status !== 'archived'
              ? 'catalog.product.archived'
              : 'catalog.product.updated',
          productId: next.id,
          before: Object.fromEntries(audited.map((k) => [k, current[k]])),
          after: Object.fromEntries(audited.map((k) => [k, next[k]])),
          at: now,
          ...correlation,
        }),
      );
    const saved = await deps.products.saveVersion(current.version, next, events);
    if (saved) {
      deps.outboxWritten?.('products', saved.id);
      deps.listings?.invalidate(saved.cooperativeId);
      return { product: saved, changed: true };
    }
  }
  throw editConflict(productId);
}
