import type { Category } from '@pasar/contracts';
import { type CursorPosition, type ProductFilters, type ProductSort, sortNameOf } from './listing';
import type { Product, ProductStatus } from './product';
import { searchTerms, searchTextOf } from './search-text';

/**
 * What the storefront list filters and sorts on, and nothing else: one product as the listing read
 * model keeps it (db/listing-index.ts). The page's content is read from the database by id.
 */
export interface ListingCard {
  id: string;
  cooperativeId: string;
  sellerId: string;
  category: Category;
  price: number;
  /** ms since the epoch (the `newest` sort key). */
  createdAt: number;
  /** The folded name (the `name` sort key). */
  sortName: string;
  /** The folded name + description the search looks through (the stored `search` field). */
  search: string;
  status: ProductStatus;
  sellerSuspended: boolean;
  stockAvailable: number;
}

/** The card of a product; `search` is the stored field when known (the list query reads that one). */
export function cardOf(p: Product, search: string = searchTextOf(p)): ListingCard {
  return {
    id: p.id,
    cooperativeId: p.cooperativeId,
    sellerId: p.sellerId,
    category: p.category,
    price: p.price,
    createdAt: p.createdAt.getTime(),
    sortName: sortNameOf(p.name),
    search,
    status: p.status,
    sellerSuspended: p.sellerSuspended,
    stockAvailable: p.stock.available,
  };
}

const CARD_FIELDS = [
  'id',
  'cooperativeId',
  'sellerId',
  'category',
  'price',
  'createdAt',
  'sortName',
  'search',
  'status',
  'sellerSuspended',
  'stockAvailable',
] as const satisfies readonly (keyof ListingCard)[];

export function sameCard(a: ListingCard, b: ListingCard): boolean {
  return CARD_FIELDS.every((f) => a[f] === b[f]);
}

/** On the storefront at all: published, and the seller (if any) not suspended (db VISIBLE). */
export function cardVisible(c: ListingCard): boolean {
  return c.status === 'published' && !c.sellerSuspended;
}

/**
 * The list query's filter (db/product-list.query.ts buildListQuery) as a predicate, without the
 * cursor. `terms` are searchTerms(filters.q), computed once per query.
 */
export function cardMatches(
  c: ListingCard,
  f: ProductFilters,
  terms: readonly string[] = searchTerms(f.q),
): boolean {
  if (c.cooperativeId !== f.cooperativeId || !cardVisible(c)) return false;
  if (f.sellerId && c.sellerId !== f.sellerId) return false;
  if (f.category && c.category !== f.category) return false;
  if (f.minPrice !== undefined && c.price < f.minPrice) return false;
  if (f.maxPrice !== undefined && c.price > f.maxPrice) return false;
  if (f.inStock !== undefined && c.stockAvailable > 0 !== f.inStock) return false;
  for (const t of terms) if (!c.search.includes(t)) return false;
  return true;
}

/** Whether a sort lists its key from the highest down (ties by id in the same direction). */
export const DESCENDING: Record<ProductSort, boolean> = {
  newest: true,
  price_asc: false,
  price_desc: true,
  name: false,
};

export function cardKey(c: ListingCard, sort: ProductSort): number | string {
  switch (sort) {
    case 'newest':
      return c.createdAt;
    case 'price_asc':
    case 'price_desc':
      return c.price;
    case 'name':
      return c.sortName;
  }
}

/**
 * Strings in code-point order, as the database compares them (UTF-8 bytes), not JavaScript's UTF-16
 * units: those differ only where a surrogate (a character past U+FFFF) meets U+E000–U+FFFF.
 */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Keys of the same kind (the cursor's kind is checked before: domain/cursor.ts outsideOf). */
function compareKey(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  return compareText(String(a), String(b));
}

/** Ids are ObjectIds' lowercase hex, whose string order is their byte order. */
const compareId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** (key, id) against a position, ascending; the sort's direction is applied by the callers. */
export function comparePosition(c: ListingCard, sort: ProductSort, p: CursorPosition): number {
  return compareKey(cardKey(c, sort), p.key) || compareId(c.id, p.id);
}

/** The list's total order: negative when `a` comes first. */
export function compareCards(sort: ProductSort): (a: ListingCard, b: ListingCard) => number {
  const sign = DESCENDING[sort] ? -1 : 1;
  return (a, b) => sign * (compareKey(cardKey(a, sort), cardKey(b, sort)) || compareId(a.id, b.id));
}

/** Strictly past the position in the sort's order (keyset pagination's "after"). */
export function isPast(c: ListingCard, sort: ProductSort, after: CursorPosition): boolean {
  const c0 = comparePosition(c, sort, after);
  return DESCENDING[sort] ? c0 < 0 : c0 > 0;
}
