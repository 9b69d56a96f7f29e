import type { FilterQuery, SortOrder } from 'mongoose';
import type { CursorPosition, ProductFilters, ProductSort } from '../domain/listing';
import { escapeRegex, searchTerms } from '../domain/search-text';
import { type ProductDoc, toObjectId } from './product.model';

const SORTS: Record<ProductSort, { field: 'createdAt' | 'price' | 'sortName'; dir: 1 | -1 }> = {
  newest: { field: 'createdAt', dir: -1 },
  price_asc: { field: 'price', dir: 1 },
  price_desc: { field: 'price', dir: -1 },
  name: { field: 'sortName', dir: 1 },
};

/** What the storefront shows: published, and the seller (if any) not suspended. */
export const VISIBLE = { status: 'published', sellerSuspended: { $ne: true } } as const;

/**
 * The mongo filter and sort of a public list page. Every sort is total (ties broken by `_id` in
 * the same direction), which keyset pagination needs: "after" = strictly past (key, id).
 */
export function buildListQuery(filters: ProductFilters, sort: ProductSort, after?: CursorPosition) {
  const and: FilterQuery<ProductDoc>[] = [];
  const filter: FilterQuery<ProductDoc> = { cooperativeId: filters.cooperativeId, ...VISIBLE };
  if (filters.sellerId) filter.sellerId = filters.sellerId;
  if (filters.category) filter.category = filters.category;
  if (filters.minPrice !== undefined || filters.maxPrice !== undefined) {
    filter.price = {
      ...(filters.minPrice !== undefined ? { $gte: filters.minPrice } : {}),
      ...(filters.maxPrice !== undefined ? { $lte: filters.maxPrice } : {}),
    };
  }
  if (filters.inStock !== undefined) filter['stock.available'] = filters.inStock ? { $gt: 0 } : { $lte: 0 };
  for (const term of searchTerms(filters.q)) and.push({ search: { $regex: escapeRegex(term) } });

  const { field, dir } = SORTS[sort];
  if (after) {
    const op = dir === 1 ? '$gt' : '$lt';
    const key = field === 'createdAt' ? new Date(after.key) : after.key;
    and.push({ $or: [{ [field]: { [op]: key } }, { [field]: key, _id: { [op]: toObjectId(after.id) } }] });
  }
  if (and.length > 0) filter.$and = and;
  const order: Record<string, SortOrder> = { [field]: dir, _id: dir };
  return { filter, sort: order };
}
