import { openApiDocument } from '@pasar/service-kit';
import { z } from 'zod';
import {
  CategoriesSchema,
  CooperativeParamsSchema,
  CreateProductBodySchema,
  ListProductsQuerySchema,
  ProductPageSchema,
  ProductParamsSchema,
  ProductViewSchema,
  RestockBodySchema,
  UpdateProductBodySchema,
} from './product.schemas';

const ErrorSchema = z.object({ code: z.string(), message: z.string(), requestId: z.string().optional() });
const notFound = { description: 'PRODUCT.NOT_FOUND', schema: ErrorSchema };
const unauthorized = { description: 'AUTH.UNAUTHORIZED: missing or wrong admin token', schema: ErrorSchema };

let cached: ReturnType<typeof openApiDocument> | undefined;

/** OpenAPI 3.1 for catalog, generated from the very schemas the routes validate with. */
export function catalogOpenApi() {
  cached ??= openApiDocument(
    {
      title: 'Pasar catalog',
      version: '1.0.0',
      description:
        "A cooperative's product listings and stock. Admin routes need `Authorization: Bearer <ADMIN_TOKEN>`.",
    },
    [
      {
        method: 'get',
        path: '/cooperatives/{cooperativeId}/products',
        summary: 'Published products with search, filters, sort and cursor pagination',
        params: CooperativeParamsSchema,
        query: ListProductsQuerySchema,
        responses: { 200: { description: 'One page', schema: ProductPageSchema } },
      },
      {
        method: 'get',
        path: '/cooperatives/{cooperativeId}/categories',
        summary: 'Categories of published products with counts',
        params: CooperativeParamsSchema,
        responses: { 200: { description: 'Categories', schema: CategoriesSchema } },
      },
      {
        method: 'get',
        path: '/products/{productId}',
        summary: 'A published product (staff with the admin token also see drafts and archived ones)',
        params: ProductParamsSchema,
        responses: { 200: { description: 'The product', schema: ProductViewSchema }, 404: notFound },
      },
      {
        method: 'post',
        path: '/cooperatives/{cooperativeId}/products',
        summary: 'List a new product (admin); emits ProductPublished (or ProductUpdated for a draft)',
        params: CooperativeParamsSchema,
        body: CreateProductBodySchema,
        responses: {
          201: { description: 'Created', schema: ProductViewSchema },
          401: unauthorized,
          409: { description: 'PRODUCT.SKU_TAKEN', schema: ErrorSchema },
          413: { description: 'REQUEST.TOO_LARGE', schema: ErrorSchema },
        },
      },
      {
        method: 'patch',
        path: '/products/{productId}',
        summary:
          'Edit or archive a product (admin); emits ProductUpdated / ProductPublished / ProductArchived',
        params: ProductParamsSchema,
        body: UpdateProductBodySchema,
        responses: {
          200: { description: 'Updated', schema: ProductViewSchema },
          401: unauthorized,
          404: notFound,
          409: { description: 'PRODUCT.INVALID_TRANSITION or PRODUCT.CONFLICT', schema: ErrorSchema },
        },
      },
      {
        method: 'post',
        path: '/products/{productId}/restock',
        summary: 'Add units on hand (admin)',
        params: ProductParamsSchema,
        body: RestockBodySchema,
        responses: {
          200: { description: 'Restocked', schema: ProductViewSchema },
          401: unauthorized,
          404: notFound,
        },
      },
    ],
  );
  return cached;
}
