import { NotFoundError } from '@pasar/service-kit';
import type { Product } from '../domain/product';
import type { Seller } from '../domain/seller';
import type { CatalogDeps } from './deps';

export const sellerNotFound = (sellerId: string) =>
  new NotFoundError('SELLER.NOT_FOUND', `No seller ${sellerId} here`);

const PAGE = 50;

/** The public seller page: shop facts and their visible goods, newest first. 404 for unknown or suspended sellers. */
export async function getSellerPage(
  deps: CatalogDeps,
  cooperativeId: string,
  sellerId: string,
): Promise<{ seller: Seller; products: Product[] }> {
  const seller = await deps.sellers.find(cooperativeId, sellerId);
  if (seller?.status !== 'active') throw sellerNotFound(sellerId);
  const { items } = await (deps.listingIndex ?? deps.products).list(
    { cooperativeId, sellerId },
    'newest',
    PAGE,
  );
  return { seller, products: items };
}
