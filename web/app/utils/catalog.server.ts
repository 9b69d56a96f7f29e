import { z } from 'zod';
import type { ProductLimits } from './buyer-limit';
import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type { CategoryCount, ProductPage, ProductView, StaffProductView } from './views';

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

/**
 * The subsidised-goods fields catalog is adding to its product views (HET, per-buyer limit); described
 * here until gen:api has them, optional so today's catalog still parses.
 */
const ProductLimitsSchema: z.ZodType<ProductLimits> = z.object({
  buyerLimit: z
    .object({ quantity: z.number().int().min(1), period: z.enum(['day', 'week', 'month']) })
    .nullable()
    .optional(),
  het: z.boolean().optional(),
});
export type LimitedProductView = ProductView & ProductLimits;

/** One published product; ApiError PRODUCT.NOT_FOUND (404) or a 400 for a malformed id otherwise. */
export function getProduct(productId: string): Promise<LimitedProductView> {
  return callService('catalog', `/products/${encodeURIComponent(productId)}`, {
    schema: z.intersection(
      answerSchema('catalog', 'get', '/products/{productId}'),
      ProductLimitsSchema,
    ) as z.ZodType<LimitedProductView>,
  });
}

export async function listCategories(cooperativeId: string): Promise<CategoryCount[]> {
  const res = await callService('catalog', `/cooperatives/${encodeURIComponent(cooperativeId)}/categories`, {
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/categories'),
  });
  return res.items;
}

/** Every product of the cooperative with its stock, whatever its status (pengurus, gudang, pengawas). */
export async function listAllProducts(token: string, cooperativeId: string): Promise<StaffProductView[]> {
  const res = await callService(
    'catalog',
    `/cooperatives/${encodeURIComponent(cooperativeId)}/products/all`,
    {
      token,
      schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/products/all'),
    },
  );
  return res.items;
}
