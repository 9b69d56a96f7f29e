import type { Category } from '@pasar/contracts';
import { foldText } from './search-text';
import type { Product } from './product';

export const PRODUCT_SORTS = ['newest', 'price_asc', 'price_desc', 'name'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

/** The filters of a public product list (published products of one cooperative only). */
export interface ProductFilters {
  cooperativeId: string;
  /** Only this seller's products (the public seller page). */
  sellerId?: string;
  q?: string;
  category?: Category;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
}

/** Where the previous page ended: the sort key of its last item and that item's id (tie-break). */
export interface CursorPosition {
  key: number | string;
  id: string;
}

/** The sort key a cursor remembers: creation time (ms), price, or the folded name. */
export function sortKeyOf(product: Product, sort: ProductSort): number | string {
  switch (sort) {
    case 'newest':
      return product.createdAt.getTime();
    case 'price_asc':
    case 'price_desc':
      return product.price;
    case 'name':
      return sortNameOf(product.name);
  }
}

export function sortNameOf(name: string): string {
  return foldText(name);
}
