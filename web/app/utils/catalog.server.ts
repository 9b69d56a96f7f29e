import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type { CategoryCount, ProductPage, ProductView } from './views';

export type ProductSort = 'newest' | 'price_asc' | 'price_desc' | 'name';

export interface ProductQuery {
  q?: string;
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  inStock?: boolean;
  sort?: ProductSort;
  limit?: number;
  cursor?: string;
}

/** A cooperative's published products, one page at a time (cursor is opaque). */
export function listProducts(cooperativeId: string, query: ProductQuery = {}): Promise<ProductPage> {
  return callService('catalog', `/cooperatives/${encodeURIComponent(cooperativeId)}/products`, {
    query: { ...query },
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/products'),
  });
}

/** One published product; ApiError PRODUCT.NOT_FOUND (404) or a 400 for a malformed id otherwise. */
export function getProduct(productId: string): Promise<ProductView> {
  return callService('catalog', `/products/${encodeURIComponent(productId)}`, {
    schema: answerSchema('catalog', 'get', '/products/{productId}'),
  });
}

export async function listCategories(cooperativeId: string): Promise<CategoryCount[]> {
  const res = await callService('catalog', `/cooperatives/${encodeURIComponent(cooperativeId)}/categories`, {
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/categories'),
  });
  return res.items;
}
