import { decodeCursor, encodeCursor, filtersFingerprint } from '../domain/cursor';
import { type ProductFilters, type ProductSort, sortKeyOf } from '../domain/listing';
import type { Product } from '../domain/product';
import type { CatalogDeps } from './deps';

export interface ListProductsInput extends ProductFilters {
  sort: ProductSort;
  limit: number;
  cursor?: string;
}

/** One page of a cooperative's published products, with the cursor of the next page (or null). */
export async function listProducts(
  deps: CatalogDeps,
  input: ListProductsInput,
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const { sort, limit, cursor, ...filters } = input;
  const fingerprint = filtersFingerprint(filters, sort);
  const after = cursor ? decodeCursor(cursor, sort, fingerprint) : undefined;
  const load = async () => {
    const page = await deps.products.list(filters, sort, limit, after);
    const last = page.items.at(-1);
    const nextCursor =
      page.hasMore && last
        ? encodeCursor({ key: sortKeyOf(last, sort), id: last.id }, sort, fingerprint)
        : null;
    return { items: page.items, nextCursor };
  };
  if (!deps.listings) return load();
  return deps.listings.get(filters.cooperativeId, `products:${fingerprint}:${limit}:${cursor ?? ''}`, load);
}
