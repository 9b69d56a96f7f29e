import type { Envelope } from '@pasar/contracts';
import mongoose from 'mongoose';
import { buildProduct, type NewProduct, type Product, productEventFor } from '../domain/product';
import { ownerOfNewProduct } from '../domain/product-access';
import { actorIn } from './actor';
import { auditEvent } from './audit-event';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';

/**
 * Lists a new product; its first event (Published, or Updated for a draft) is stored with it, and
 * for a person acting through HTTP an AuditRecorded entry too, in the same insert. A penjual who
 * lists it becomes its owner (`ownerPersonId`); staff listings have none.
 */
export async function createProduct(
  deps: CatalogDeps,
  input: NewProduct,
  ctx: WriteContext = {},
): Promise<Product> {
  const actor = actorIn(ctx, input.cooperativeId);
  const id = new mongoose.Types.ObjectId().toHexString();
  const now = new Date();
  const product = buildProduct({ ...input, ownerPersonId: ownerOfNewProduct(actor) }, id, now);
  const correlation = ctx.correlationId ? { correlationId: ctx.correlationId } : {};
  const events: Envelope[] = [
    productEventFor(undefined, product, {
      source: CATALOG_SOURCE,
      cooperativeId: product.cooperativeId,
      ...correlation,
    }),
  ];
  if (actor)
    events.push(
      auditEvent({
        cooperativeId: product.cooperativeId,
        actor,
        action: 'catalog.product.created',
        productId: product.id,
        after: { price: product.price, stock: product.stock.available, status: product.status },
        at: now,
        ...correlation,
      }),
    );
  await deps.products.insert(product, events);
  deps.outboxWritten?.('products', product.id);
  deps.listings?.invalidate(product.cooperativeId);
  return product;
}
