import type { Product, ProductStatus } from '../domain/product';
import { type Actor, PRODUCT_READER_ROLES } from '../domain/product-access';
import type { CatalogDeps } from './deps';

/**
 * The back-office list: every product of the cooperative whatever its status, newest change first
 * (staff and pengawas), or only the penjual's own listings for a seller. Not paged: a cooperative
 * lists hundreds of products, not millions.
 */
export async function listAllProducts(
  deps: CatalogDeps,
  cooperativeId: string,
  actor: Actor,
  filter: { status?: ProductStatus } = {},
): Promise<Product[]> {
  const seesAll = actor.roles.some((r) => (PRODUCT_READER_ROLES as readonly string[]).includes(r));
  const products = await deps.products.findByCooperative(cooperativeId);
  return products
    .filter((p) => seesAll || p.ownerPersonId === actor.personId)
    .filter((p) => !filter.status || p.status === filter.status)
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? 1 : -1));
}
