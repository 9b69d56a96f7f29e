import mongoose from 'mongoose';
import { buildProduct, type NewProduct, type Product, productEventFor } from '../domain/product';
import { CATALOG_SOURCE, type CatalogDeps, type WriteContext } from './deps';

/** Lists a new product; its first event (Published, or Updated for a draft) is stored with it. */
export async function createProduct(
  deps: CatalogDeps,
  input: NewProduct,
  ctx: WriteContext = {},
): Promise<Product> {
  const id = new mongoose.Types.ObjectId().toHexString();
  const product = buildProduct(input, id, new Date());
  const event = productEventFor(undefined, product, {
    source: CATALOG_SOURCE,
    cooperativeId: product.cooperativeId,
    ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
  });
  await deps.products.insert(product, [event]);
  deps.outboxWritten?.('products', product.id);
  deps.listings?.invalidate(product.cooperativeId);
  return product;
}
