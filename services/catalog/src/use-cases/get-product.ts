import { productNotFound } from '../domain/errors';
import type { Product } from '../domain/product';
import type { CatalogDeps } from './deps';

/**
 * A product page. The public sees published products only; drafts and archived listings are
 * shown when `maySeeUnlisted(product)` says so (staff and pengawas of its cooperative, its owner).
 */
export async function getProduct(
  deps: CatalogDeps,
  productId: string,
  maySeeUnlisted: (product: Product) => boolean = () => false,
): Promise<Product> {
  const product = await deps.products.findById(productId);
  if (!product || (product.status !== 'published' && !maySeeUnlisted(product)))
    throw productNotFound(productId);
  return product;
}
