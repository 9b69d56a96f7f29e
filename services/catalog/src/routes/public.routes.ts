import { type AppEnv, isAdmin, validate } from '@pasar/service-kit';
import { Hono } from 'hono';
import type { CatalogDeps } from '../use-cases/deps';
import { getProduct } from '../use-cases/get-product';
import { listCategories } from '../use-cases/list-categories';
import { listProducts } from '../use-cases/list-products';
import {
  CooperativeParamsSchema,
  ListProductsQuerySchema,
  ProductParamsSchema,
  type ProductView,
} from './product.schemas';
import { toProductView } from './product.view';

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

/** The shopper's catalogue: published products only. */
export function publicRoutes(deps: CatalogDeps & { adminToken: string }) {
  return new Hono<AppEnv>()
    .get(
      '/cooperatives/:cooperativeId/products',
      validate('param', CooperativeParamsSchema),
      validate('query', ListProductsQuerySchema),
      async (c) => {
        const { cooperativeId } = c.req.valid('param');
        const query = c.req.valid('query');
        const page = await listProducts(deps, { ...query, cooperativeId });
        return c.body(pageJson(page), 200, { 'content-type': 'application/json' });
      },
    )
    .get('/cooperatives/:cooperativeId/categories', validate('param', CooperativeParamsSchema), async (c) => {
      const items = await listCategories(deps, c.req.valid('param').cooperativeId);
      return c.json({ items });
    })
    .get('/products/:productId', validate('param', ProductParamsSchema), async (c) => {
      // Staff (admin token) also see drafts and archived listings; the public gets a 404 for them.
      const product = await getProduct(deps, c.req.valid('param').productId, {
        staff: isAdmin(c, deps.adminToken),
      });
      return c.json<ProductView>(toProductView(product));
    });
}
