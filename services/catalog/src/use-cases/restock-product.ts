import { editConflict, productNotFound } from '../domain/errors';
import type { Product } from '../domain/product';
import { actorMayChange } from './actor';
import { auditEvent } from './audit-event';
import type { CatalogDeps, WriteContext } from './deps';

const ATTEMPTS = 5;

/**
 * Adds units on hand. No product event (stock is not part of the snapshot other services keep);
 * through HTTP an AuditRecorded entry with the available count before and after goes into the
 * same update, which is conditioned on the count it was read at: if the stock saga moved it
 * meanwhile, it reads again and retries, so the recorded before/after are exact.
 */
export async function restockProduct(
  deps: CatalogDeps,
  productId: string,
  quantity: number,
  ctx: WriteContext = {},
): Promise<Product> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await deps.products.findById(productId);
    if (!current) throw productNotFound(productId);
    const actor = actorMayChange(ctx, current);
    const before = current.stock.available;
    const events = actor
      ? [
          auditEvent({
            cooperativeId: current.cooperativeId,
            actor,
            action: 'catalog.product.restocked',
            productId,
            before: { stock: before },
            after: { stock: before + quantity },
            at: new Date(),
            ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
          }),
        ]
      : [];
    const product = await deps.stock.restock(productId, quantity, before, events);
    if (!product) continue;
    if (events.length > 0) deps.outboxWritten?.('products', product.id);
    deps.listings?.invalidate(product.cooperativeId);
    deps.logger.info({ productId, quantity, available: product.stock.available }, 'product restocked');
    return product;
  }
  throw editConflict(productId);
}
