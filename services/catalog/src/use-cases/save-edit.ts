import type { Envelope } from '@pasar/contracts';
import { editConflict, productNotFound } from '../domain/errors';
import { diffOf, type HistoryKind } from '../domain/history';
import { applyChanges, type Product, type ProductEdit, productEventFor } from '../domain/product';
import type { Actor } from '../domain/product-access';
import { actorMayChange } from './actor';
import { auditEvent } from './audit-event';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';
import { historyEntry } from './history-entry';
import { listingsChanged } from './listings-changed';

const ATTEMPTS = 5;
/** The fields whose changes are audited: money and whether it is for sale. */
const AUDITED = ['price', 'status'] as const;

/** What one edit does to the product as read: the change, how the history names it, what the audit says. */
export interface EditPlan {
  edit: ProductEdit;
  kind: HistoryKind;
  /** Audit this edit under this action even when neither price nor status changes (review decisions). */
  auditAs?: `catalog.product.${string}`;
  /** For the history entry (a rejection's reason). */
  reason?: string;
}

/**
 * The one way a product is edited: read, plan the change (`plan` may throw a refusal), save it on the
 * version it was read at together with its product event, its AuditRecorded entry (a price or status
 * change, or a decision) and its history entry, all in one single-document write. A concurrent edit
 * makes it read again and plan again. A plan that changes nothing is a no-op.
 */
export async function saveEdit(
  deps: CatalogDeps,
  productId: string,
  ctx: WriteContext,
  plan: (current: Product, actor: Actor | undefined) => EditPlan | Promise<EditPlan>,
  known?: Product,
): Promise<{ product: Product; changed: boolean }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = attempt === 0 && known ? known : await deps.products.findById(productId);
    if (!current) throw productNotFound(productId);
    const actor = actorMayChange(ctx, current);
    const { edit, kind, auditAs, reason } = await plan(current, actor);
    const now = new Date();
    const next = applyChanges(current, edit, now);
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
    if (actor && (audited.length > 0 || auditAs)) {
      const archived = next.status === 'archived' && current.status !== 'archived';
      events.push(
        auditEvent({
          cooperativeId: next.cooperativeId,
          actor,
          action: auditAs ?? (archived ? 'catalog.product.archived' : 'catalog.product.updated'),
          productId: next.id,
          before: Object.fromEntries(audited.map((k) => [k, current[k]])),
          after: {
            ...Object.fromEntries(audited.map((k) => [k, next[k]])),
            ...(auditAs && next.review ? { review: next.review.state, kind: next.review.kind } : {}),
          },
          at: now,
          ...correlation,
        }),
      );
    }
    const history = [
      historyEntry({ kind, product: next, actor, changes: diffOf(current, next), at: now, reason }),
    ];
    const saved = await deps.products.saveVersion(current.version, next, events, history);
    if (saved) {
      deps.outboxWritten?.('products', saved.id);
      await listingsChanged(deps, saved.cooperativeId, { productIds: [saved.id] });
      return { product: saved, changed: true };
    }
  }
  throw editConflict(productId);
}
