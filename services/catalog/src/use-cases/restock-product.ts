import { productNotFound } from '../domain/errors';
import type { Product } from '../domain/product';
import type { CatalogDeps } from './deps';

/**
 * Adds units on hand. No product event: stock is not part of the snapshot other services keep
 * (they learn about stock from the reservation outcome of each order).
 */
export async function restockProduct(
  deps: CatalogDeps,
  productId: string,
  quantity: number,
): Promise<Product> {
  const product = await deps.stock.restock(productId, quantity);
  if (!product) throw productNotFound(productId);
  deps.listings?.invalidate(product.cooperativeId);
  deps.logger.info({ productId, quantity, available: product.stock.available }, 'product restocked');
  return product;
}
