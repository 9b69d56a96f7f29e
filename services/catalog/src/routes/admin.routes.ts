import { type AppEnv, requireAdmin, validate } from '@pasar/service-kit';
import { Hono } from 'hono';
import { createProduct } from '../use-cases/create-product';
import type { CatalogDeps } from '../use-cases/deps';
import { restockProduct } from '../use-cases/restock-product';
import { updateProduct } from '../use-cases/update-product';
import {
  CooperativeParamsSchema,
  CreateProductBodySchema,
  ProductParamsSchema,
  RestockBodySchema,
  UpdateProductBodySchema,
} from './product.schemas';
import { toProductView } from './product.view';

/** Staff endpoints (Bearer ADMIN_TOKEN): list, edit, archive and restock products. */
export function adminRoutes(deps: CatalogDeps & { adminToken: string }) {
  const admin = requireAdmin(deps.adminToken);
  return new Hono<AppEnv>()
    .post(
      '/cooperatives/:cooperativeId/products',
      admin,
      validate('param', CooperativeParamsSchema),
      validate('json', CreateProductBodySchema),
      async (c) => {
        const { cooperativeId } = c.req.valid('param');
        const product = await createProduct(
          deps,
          { ...c.req.valid('json'), cooperativeId },
          { correlationId: c.get('requestId') },
        );
        return c.json(toProductView(product), 201);
      },
    )
    .patch(
      '/products/:productId',
      admin,
      validate('param', ProductParamsSchema),
      validate('json', UpdateProductBodySchema),
      async (c) => {
        const { product } = await updateProduct(deps, c.req.valid('param').productId, c.req.valid('json'), {
          correlationId: c.get('requestId'),
        });
        return c.json(toProductView(product));
      },
    )
    .post(
      '/products/:productId/restock',
      admin,
      validate('param', ProductParamsSchema),
      validate('json', RestockBodySchema),
      async (c) => {
        const product = await restockProduct(
          deps,
          c.req.valid('param').productId,
          c.req.valid('json').quantity,
        );
        return c.json(toProductView(product));
      },
    );
}
