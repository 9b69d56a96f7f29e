import { decodeCursor, encodeCursor, outsideOf } from '../domain/cursor';
import { type ProductFilters, type ProductSort, sortKeyOf } from '../domain/listing';
import type { Product } from '../domain/product';
import { searchTerms } from '../domain/search-text';
import type { CatalogDeps } from './deps';

export interface ListProductsInput extends ProductFilters {
  sort: ProductSort;
  limit: number;
  /** A keyset position (CURSOR_PATTERN); the page lists the items after it. */
  cursor?: string;
}

/** What a list query asks for, as the listing cache's key (queries that fold alike share it). */
function queryKey(input: ListProductsInput): string {
  const { category, minPrice, maxPrice, inStock, sort, limit, cursor } = input;
  return JSON.stringify([
    'products',
    searchTerms(input.q),
    category,
    minPrice,
    maxPrice,
    inStock,
    sort,
    limit,
    cursor,
  ]);
}

/** One page of a cooperative's published products, with the cursor of the next page (or null). */
export async function listProducts(
  deps: CatalogDeps,
  input: ListProductsInput,
): Promise<{ items: Product[]; nextCursor: string | null }> {
  const { sort, limit, cursor, ...filters } = input;
  const load = async () => {
    let after = cursor ? decodeCursor(cursor) : undefined;
    const outside = after && outsideOf(after, sort);
    if (outside === 'after-all') return { items: [], nextCursor: null };
    if (outside === 'before-all') after = undefined;
    const page = await (deps.listingIndex ?? deps.products).list(filters, sort, limit, after);
    const last = page.items.at(-1);
    const nextCursor =
      page.hasMore && last ? encodeCursor({ key: sortKeyOf(last, sort), id: last.id }) : null;
    return { items: page.items, nextCursor };
  };
  if (!deps.listings) return load();
  return deps.listings.get(filters.cooperativeId, queryKey(input), load);
}
