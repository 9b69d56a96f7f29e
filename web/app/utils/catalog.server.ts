import { z } from 'zod';
import type { ProductLimits } from './buyer-limit';
import type { SellerFields, ShopProductPage } from './sellers';
import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type { CategoryCount, ProductView, StaffProductView } from './views';

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

const PhotoSchema = z.object({
  photoId: z.string().min(1),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  variants: z.array(z.object({ width: z.number().int().min(1), url: z.string().min(1) })),
});
/**
 * Issue 10's fields of catalog's product views (the seller's shop, photos), described here until
 * gen:api has them; optional so today's catalog still parses.
 */
export const SellerFieldsSchema: z.ZodType<SellerFields> = z.object({
  seller: z
    .object({ sellerId: z.string().min(1), shopName: z.string() })
    .nullable()
    .optional(),
  photos: z.array(PhotoSchema).optional(),
});

/** A cooperative's published products, one page at a time (cursor is opaque). */
export function listProducts(cooperativeId: string, query: ProductQuery = {}): Promise<ShopProductPage> {
  return callService('catalog', `/cooperatives/${encodeURIComponent(cooperativeId)}/products`, {
    query: { ...query },
    schema: z.intersection(
      answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/products'),
      z.object({ items: z.array(SellerFieldsSchema) }),
    ) as z.ZodType<ShopProductPage>,
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
export type LimitedProductView = ProductView & ProductLimits & SellerFields;

/** One published product; ApiError PRODUCT.NOT_FOUND (404) or a 400 for a malformed id otherwise. */
export function getProduct(productId: string): Promise<LimitedProductView> {
  return callService('catalog', `/products/${encodeURIComponent(productId)}`, {
    schema: z.intersection(
      answerSchema('catalog', 'get', '/products/{productId}'),
      z.intersection(ProductLimitsSchema, SellerFieldsSchema),
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
