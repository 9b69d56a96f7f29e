import { editConflict, productNotFound } from '../domain/errors';
import { applyChanges, type Product, type ProductChanges, productEventFor } from '../domain/product';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';

const ATTEMPTS = 5;

/**
 * Edits a product (archiving is an edit to status 'archived'). Saved on the version it was read at,
 * with its event in the same write; a concurrent edit makes it read again and retry.
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
    const next = applyChanges(current, changes, new Date());
    if (!next) return { product: current, changed: false };
    const event = productEventFor(current, next, {
      source: CATALOG_SOURCE,
      cooperativeId: next.cooperativeId,
      ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
    });
    const saved = await deps.products.saveVersion(current.version, next, [event]);
    if (saved) {
      deps.outboxWritten?.('products', saved.id);
      deps.listings?.invalidate(saved.cooperativeId);
      return { product: saved, changed: true };
    }
  }
  throw editConflict(productId);
}
