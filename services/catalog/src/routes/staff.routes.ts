import {
  type AppEnv,
  createRouter,
  defineRoute,
  ErrorBodySchema,
  principalOf,
  requireCooperativeAccess,
  rolesIn,
} from '@pasar/service-kit';
import type { Context } from 'hono';
import { PRODUCT_EDITOR_ROLES, PRODUCT_READER_ROLES } from '../domain/product-access';
import { createProduct } from '../use-cases/create-product';
import type { ActingPerson, CatalogDeps } from '../use-cases/deps';
import { listAllProducts } from '../use-cases/list-all-products';
import { restockProduct } from '../use-cases/restock-product';
import { updateProduct } from '../use-cases/update-product';
import {
  CooperativeParamsSchema,
  CreateProductBodySchema,
  ProductParamsSchema,
  ProductViewSchema,
  RestockBodySchema,
  StaffListQuerySchema,
  StaffProductListSchema,
  UpdateProductBodySchema,
} from './product.schemas';
import { toProductView, toStaffProductView } from './product.view';

const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
/** A body sent with another content type than application/json. */
const unsupported = json('The body is not application/json', ErrorBodySchema);

// Product management: staff (pengurus, gudang) of the product's cooperative, and a penjual for
// their own listings (checked in the use case). pengawas reads the staff list and changes nothing.
const editors = { allow: PRODUCT_EDITOR_ROLES };

export const listAllProductsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/products/all',
  summary:
    'Back office: every product of the cooperative whatever its status (a penjual sees only their own), newest change first',
  access: { allow: [...PRODUCT_READER_ROLES, 'penjual'], scope: 'path' },
  request: { params: CooperativeParamsSchema, query: StaffListQuerySchema },
  responses: { 200: json('The products', StaffProductListSchema) },
});

export const createProductRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/products',
  summary:
    'List a new product (a penjual becomes its owner); emits ProductPublished (ProductUpdated for a draft) and AuditRecorded',
  access: { ...editors, scope: 'path' },
  request: { params: CooperativeParamsSchema, body: body(CreateProductBodySchema) },
  responses: {
    201: json('Created', ProductViewSchema),
    409: json('PRODUCT.SKU_TAKEN: the SKU is already used in this cooperative', ErrorBodySchema),
    415: unsupported,
  },
});

export const updateProductRoute = defineRoute({
  method: 'patch',
  path: '/products/{productId}',
  summary:
    'Edit or archive a product (an empty body changes nothing); emits ProductUpdated / ProductPublished / ProductArchived, and AuditRecorded for a price or status change',
  access: { ...editors, scope: 'resource' },
  request: { params: ProductParamsSchema, body: body(UpdateProductBodySchema) },
  responses: {
    200: json('The product after the edit', ProductViewSchema),
    404: json(
      "PRODUCT.NOT_FOUND: no such product, another cooperative's, or (for a penjual) another seller's",
      ErrorBodySchema,
    ),
    409: json(
      'PRODUCT.INVALID_TRANSITION (an archived product goes back to draft first) or PRODUCT.CONFLICT (kept changing while saved)',
      ErrorBodySchema,
    ),
    415: unsupported,
  },
});

export const restockProductRoute = defineRoute({
  method: 'post',
  path: '/products/{productId}/restock',
  summary: 'Add units on hand; emits AuditRecorded (available before and after)',
  access: { ...editors, scope: 'resource' },
  request: { params: ProductParamsSchema, body: body(RestockBodySchema) },
  responses: {
    200: json('The product after the restock', ProductViewSchema),
    404: json(
      "PRODUCT.NOT_FOUND: no such product, another cooperative's, or (for a penjual) another seller's",
      ErrorBodySchema,
    ),
    409: json('PRODUCT.CONFLICT: the stock kept moving while we saved; try again', ErrorBodySchema),
    415: unsupported,
  },
});

/** The signed-in person behind the request (the route's rule guarantees one). */
function actingPerson(c: Context<AppEnv>): ActingPerson {
  const principal = principalOf(c);
  if (!principal) throw new Error('a staff route ran without a principal');
  return {
    personId: principal.personId,
    rolesIn: (cooperativeId) => {
      requireCooperativeAccess(c, cooperativeId);
      return rolesIn(principal, cooperativeId);
    },
  };
}

/** The back office of the catalogue: people with roles, checked per route and per product. */
export function staffRoutes(deps: CatalogDeps) {
  const app = createRouter();
  app.openapi(listAllProductsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const person = actingPerson(c);
    const products = await listAllProducts(
      deps,
      cooperativeId,
      { personId: person.personId, roles: person.rolesIn(cooperativeId) },
      c.req.valid('query'),
    );
    return c.json({ items: products.map(toStaffProductView) }, 200);
  });
  app.openapi(createProductRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const product = await createProduct(
      deps,
      { ...c.req.valid('json'), cooperativeId },
      { correlationId: c.get('requestId'), actor: actingPerson(c) },
    );
    return c.json(toProductView(product), 201);
  });
  app.openapi(updateProductRoute, async (c) => {
    const { product } = await updateProduct(deps, c.req.valid('param').productId, c.req.valid('json'), {
      correlationId: c.get('requestId'),
      actor: actingPerson(c),
    });
    return c.json(toProductView(product), 200);
  });
  app.openapi(restockProductRoute, async (c) => {
    const product = await restockProduct(deps, c.req.valid('param').productId, c.req.valid('json').quantity, {
      correlationId: c.get('requestId'),
      actor: actingPerson(c),
    });
    return c.json(toProductView(product), 200);
  });
  return app;
}
