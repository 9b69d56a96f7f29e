import { productNotFound } from '../domain/errors';
import type { Product } from '../domain/product';
import type { CatalogDeps } from './deps';

/** A product page. The public sees published products only; staff (admin) see every status. */
export async function getProduct(
  deps: CatalogDeps,
  productId: string,
  opts: { staff?: boolean } = {},
): Promise<Product> {
  const product = await deps.products.findById(productId);
  if (!product || (product.status !== 'published' && !opts.staff)) throw productNotFound(productId);
  return product;
}
