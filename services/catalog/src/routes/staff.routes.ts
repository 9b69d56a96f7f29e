import { createRouter, defineRoute, ErrorBodySchema } from '@pasar/service-kit';
import { PRODUCT_EDITOR_ROLES, PRODUCT_READER_ROLES } from '../domain/product-access';
import { restockProduct } from '../use-cases/adjust-stock';
import { createProduct } from '../use-cases/create-product';
import type { CatalogDeps } from '../use-cases/deps';
import { listAllProducts } from '../use-cases/list-all-products';
import { updateProduct } from '../use-cases/update-product';
import {
  CooperativeParamsSchema,
  CreateProductBodySchema,
  ProductParamsSchema,
  ProductViewSchema,
  RestockBodySchema,
  StaffListQuerySchema,
  StaffProductListSchema,
  StaffProductViewSchema,
  UpdateProductBodySchema,
} from './product.schemas';
import { toProductView, toStaffProductView } from './product.view';
import { actorInPath, body, json, productNotFoundAnswer, unsupported, writeContext } from './route-helpers';

// Product management: staff (pengurus, gudang) of the product's cooperative, and a penjual for
// their own listings (checked in the use case). pengawas reads the staff list and changes nothing.
const editors = { allow: PRODUCT_EDITOR_ROLES };
const subsidisedOrUnknown = json(
  'PRODUCT.SUBSIDISED_STAFF_ONLY (a penjual listing LPG, pupuk, HET goods or a buyer limit; details.field names it) or PRODUCT.SELLER_REQUIRED (staff did not name the seller)',
  ErrorBodySchema,
);

export const listAllProductsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/products/all',
  summary:
    'Back office: every product of the cooperative whatever its status (a penjual sees only their own, with review state and rejection reason), newest change first',
  access: { allow: [...PRODUCT_READER_ROLES, 'penjual'], scope: 'path' },
  request: { params: CooperativeParamsSchema, query: StaffListQuerySchema },
  responses: { 200: json('The products', StaffProductListSchema) },
});

export const createProductRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/products',
  summary:
    'List a new product. A penjual must be an active seller here: the listing carries their seller id, they own it, and a listing to be published waits for review as a draft. Emits ProductPublished (ProductUpdated for a draft) and AuditRecorded',
  access: { ...editors, scope: 'path' },
  request: { params: CooperativeParamsSchema, body: body(CreateProductBodySchema) },
  responses: {
    201: json(
      'Created (for a penjual: a draft with review.state pending when asked to publish)',
      StaffProductViewSchema,
    ),
    403: json(
      'AUTH.FORBIDDEN, or SELLER.NOT_ACTIVE: a penjual who is not an approved, active seller of this cooperative',
      ErrorBodySchema,
    ),
    409: json('PRODUCT.SKU_TAKEN: the SKU is already used in this cooperative', ErrorBodySchema),
    415: unsupported,
    422: subsidisedOrUnknown,
  },
});

export const updateProductRoute = defineRoute({
  method: 'patch',
  path: '/products/{productId}',
  summary:
    "Edit or archive a product (an empty body changes nothing). A penjual's publishing of a listing never approved, and price change above the cooperative's threshold, wait for review (the live price stays). Emits ProductUpdated / ProductPublished / ProductArchived, and AuditRecorded for a price or status change",
  access: { ...editors, scope: 'resource' },
  request: { params: ProductParamsSchema, body: body(UpdateProductBodySchema) },
  responses: {
    200: json('The product after the edit (review says what waits for a pengurus)', StaffProductViewSchema),
    404: productNotFoundAnswer,
    409: json(
      'PRODUCT.INVALID_TRANSITION (an archived product goes back to draft first) or PRODUCT.CONFLICT (kept changing while saved)',
      ErrorBodySchema,
    ),
    415: unsupported,
    422: json('PRODUCT.SUBSIDISED_STAFF_ONLY: a penjual setting het or buyerLimit', ErrorBodySchema),
  },
});

export const restockProductRoute = defineRoute({
  method: 'post',
  path: '/products/{productId}/restock',
  summary:
    'Add units on hand (a `received` stock adjustment); emits AuditRecorded (available before and after)',
  access: { ...editors, scope: 'resource' },
  request: { params: ProductParamsSchema, body: body(RestockBodySchema) },
  responses: {
    200: json('The product after the restock', ProductViewSchema),
    404: productNotFoundAnswer,
    409: json('PRODUCT.CONFLICT: the stock kept moving while we saved; try again', ErrorBodySchema),
    415: unsupported,
  },
});

/** The back office of the catalogue: people with roles, checked per route and per product. */
export function staffRoutes(deps: CatalogDeps) {
  const app = createRouter();
  app.openapi(listAllProductsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const products = await listAllProducts(
      deps,
      cooperativeId,
      actorInPath(c, cooperativeId),
      c.req.valid('query'),
    );
    return c.json({ items: products.map(toStaffProductView) }, 200);
  });
  app.openapi(createProductRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const product = await createProduct(deps, { ...c.req.valid('json'), cooperativeId }, writeContext(c));
    return c.json(toStaffProductView(product), 201);
  });
  app.openapi(updateProductRoute, async (c) => {
    const { product } = await updateProduct(
      deps,
      c.req.valid('param').productId,
      c.req.valid('json'),
      writeContext(c),
    );
    return c.json(toStaffProductView(product), 200);
  });
  app.openapi(restockProductRoute, async (c) => {
    const product = await restockProduct(
      deps,
      c.req.valid('param').productId,
      c.req.valid('json').quantity,
      writeContext(c),
    );
    return c.json(toProductView(product), 200);
  });
  return app;
}
