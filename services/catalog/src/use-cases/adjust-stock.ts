import { editConflict, productNotFound } from '../domain/errors';
import type { Product } from '../domain/product';
import { adjustmentProblem, type StockAdjustment } from '../domain/stock-adjustment';
import { actorMayChange } from './actor';
import { auditEvent } from './audit-event';
import type { CatalogDeps, WriteContext } from './deps';
import { historyEntry } from './history-entry';
import { listingsChanged } from './listings-changed';

const ATTEMPTS = 5;

/**
 * Counts units in or out with a reason (received, damaged, correction); restock is a `received`
 * adjustment. No product event (stock is not part of the snapshot other services keep); through
 * HTTP an AuditRecorded entry with the available count before and after, and a history entry, go
 * into the same update, which is conditioned on the count it was read at: if the stock saga moved it
 * meanwhile, it reads again and retries, so the recorded before/after are exact. Units held for
 * orders are never taken: 409 STOCK.BELOW_RESERVED.
 */
export async function adjustStock(
  deps: CatalogDeps,
  productId: string,
  adjustment: StockAdjustment,
  ctx: WriteContext = {},
  action: 'catalog.product.restocked' | 'catalog.product.stock-adjusted' = 'catalog.product.stock-adjusted',
): Promise<Product> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await deps.products.findById(productId);
    if (!current) throw productNotFound(productId);
    const actor = actorMayChange(ctx, current);
    const problem = adjustmentProblem(adjustment, current.stock);
    if (problem) throw problem;
    const before = current.stock.available;
    const after = before + adjustment.quantity;
    const now = new Date();
    const events = actor
      ? [
          auditEvent({
            cooperativeId: current.cooperativeId,
            actor,
            action,
            productId,
            before: { stock: before },
            after: { stock: after, reason: adjustment.reason },
            at: now,
            ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
          }),
        ]
      : [];
    const history = [
      historyEntry({
        kind: 'stock_adjusted',
        product: current,
        actor,
        changes: [{ field: 'stock', before, after }],
        at: now,
        reason: adjustment.reason,
        note: adjustment.note,
      }),
    ];
    const product = await deps.stock.adjust(productId, adjustment.quantity, before, events, history);
    if (!product) continue;
    if (events.length > 0) deps.outboxWritten?.('products', product.id);
    await listingsChanged(deps, product.cooperativeId, { productIds: [product.id] });
    deps.logger.info(
      {
        productId,
        quantity: adjustment.quantity,
        reason: adjustment.reason,
        available: product.stock.available,
      },
      'stock adjusted',
    );
    return product;
  }
  throw editConflict(productId);
}

/** Adds units on hand (POST /products/{id}/restock): a `received` adjustment. */
export function restockProduct(
  deps: CatalogDeps,
  productId: string,
  quantity: number,
  ctx: WriteContext = {},
): Promise<Product> {
  return adjustStock(
    deps,
    productId,
    { quantity, reason: 'received', note: '' },
    ctx,
    'catalog.product.restocked',
  );
}
