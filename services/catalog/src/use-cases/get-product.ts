import { productNotFound } from '../domain/errors';
import { isVisible, type Product } from '../domain/product';
import type { CatalogDeps } from './deps';

/**
 * A product page. The public sees visible products only (published, seller not suspended); drafts,
 * archived listings and a suspended seller's goods are shown when `maySeeUnlisted(product)` says so
 * (staff and pengawas of its cooperative, its owner).
 */
export async function getProduct(
  deps: CatalogDeps,
  productId: string,
  maySeeUnlisted: (product: Product) => boolean = () => false,
): Promise<Product> {
  const product = await deps.products.findById(productId);
  if (!product || (!isVisible(product) && !maySeeUnlisted(product))) throw productNotFound(productId);
  return product;
}
