import { createRouter, defineRoute, ErrorBodySchema, principalOf, rolesIn } from '@pasar/service-kit';
import { maySeeUnlisted } from '../domain/product-access';
import type { CatalogDeps } from '../use-cases/deps';
import { getProduct } from '../use-cases/get-product';
import { getSellerPage } from '../use-cases/get-seller-page';
import { listCategories } from '../use-cases/list-categories';
import { listProducts } from '../use-cases/list-products';
import {
  CategoriesSchema,
  CooperativeParamsSchema,
  ListProductsQuerySchema,
  ProductPageSchema,
  ProductParamsSchema,
  ProductViewSchema,
  SellerPageSchema,
  SellerParamsSchema,
} from './product.schemas';
import { toProductView } from './product.view';

const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
/** Anonymous routes still read a token when one is sent: a bad one is a 401 everywhere. */
const badToken = json('An access token was sent and is invalid, expired or tampered', ErrorBodySchema);

export const listProductsRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/products',
  summary: 'Published products: search, filters, sort and keyset pages',
  access: { allow: ['anonymous'] },
  request: { params: CooperativeParamsSchema, query: ListProductsQuerySchema },
  responses: { 200: json('One page', ProductPageSchema), 401: badToken },
});

export const listCategoriesRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/categories',
  summary: 'Categories of published products with counts, in catalogue order',
  access: { allow: ['anonymous'] },
  request: { params: CooperativeParamsSchema },
  responses: { 200: json('Categories', CategoriesSchema), 401: badToken },
});

export const getProductRoute = defineRoute({
  method: 'get',
  path: '/products/{productId}',
  summary:
    'A published product; staff and pengawas of its cooperative, and the penjual who owns it, also see it as a draft or archived',
  access: { allow: ['anonymous'] },
  request: { params: ProductParamsSchema },
  responses: { 200: json('The product', ProductViewSchema), 401: badToken },
});

export const sellerPageRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}',
  summary:
    "A seller's shop page: shop facts and their published goods (newest 50); 404 for unknown or suspended sellers",
  access: { allow: ['anonymous'] },
  request: { params: SellerParamsSchema },
  responses: {
    200: json('The seller page', SellerPageSchema),
    401: badToken,
    404: json('SELLER.NOT_FOUND: no such seller here, or suspended', ErrorBodySchema),
  },
});

/**
 * Serialised bodies of list pages. A page served from the listing cache is the same object on
 * every hit, so its JSON is built once, not once per request (most of a cached answer's cost).
 */
const serialised = new WeakMap<object, string>();
function pageJson(page: Awaited<ReturnType<typeof listProducts>>): string {
  let body = serialised.get(page);
  if (body === undefined) {
    body = JSON.stringify({ items: page.items.map(toProductView), nextCursor: page.nextCursor });
    serialised.set(page, body);
  }
  return body;
}
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The shopper's catalogue: published products only, anonymous. */
export function publicRoutes(deps: CatalogDeps) {
  const app = createRouter();
  app.openapi(listProductsRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const page = await listProducts(deps, { ...c.req.valid('query'), cooperativeId });
    // The cached page's JSON string as is (the hot path); its shape is ProductPageSchema.
    return c.body(pageJson(page), 200, JSON_HEADERS) as never;
  });
  app.openapi(listCategoriesRoute, async (c) => {
    const items = await listCategories(deps, c.req.valid('param').cooperativeId);
    return c.json({ items }, 200);
  });
  app.openapi(getProductRoute, async (c) => {
    const principal = principalOf(c);
    const product = await getProduct(
      deps,
      c.req.valid('param').productId,
      (p) =>
        !!principal &&
        maySeeUnlisted({ personId: principal.personId, roles: rolesIn(principal, p.cooperativeId) }, p),
    );
    return c.json(toProductView(product), 200);
  });
  app.openapi(sellerPageRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const { seller, products } = await getSellerPage(deps, cooperativeId, sellerId);
    const { personId: _p, status: _s, ...shop } = seller;
    return c.json({ ...shop, products: products.map(toProductView) }, 200);
  });
  return app;
}
