import { createRouter, defineRoute, ErrorBodySchema } from '@pasar/service-kit';
import { PRODUCT_EDITOR_ROLES, PRODUCT_READER_ROLES } from '../domain/product-access';
import { adjustStock } from '../use-cases/adjust-stock';
import type { CatalogDeps } from '../use-cases/deps';
import { productHistory } from '../use-cases/product-history';
import { setProductPhotos } from '../use-cases/set-product-photos';
import {
  HistorySchema,
  ProductParamsSchema,
  SetPhotosBodySchema,
  StaffProductViewSchema,
  StockAdjustmentBodySchema,
} from './product.schemas';
import { toStaffProductView } from './product.view';
import { body, json, productNotFoundAnswer, unsupported, writeContext } from './route-helpers';

const editors = { allow: PRODUCT_EDITOR_ROLES, scope: 'resource' } as const;

export const adjustStockRoute = defineRoute({
  method: 'post',
  path: '/products/{productId}/stock-adjustments',
  summary:
    'Count units in or out with a reason: received (> 0), damaged (< 0), correction (either). Never takes units held for orders. Emits AuditRecorded; in the history',
  access: editors,
  request: { params: ProductParamsSchema, body: body(StockAdjustmentBodySchema) },
  responses: {
    200: json('The product after the adjustment', StaffProductViewSchema),
    404: productNotFoundAnswer,
    409: json(
      'STOCK.BELOW_RESERVED: fewer units on hand and not held for orders than would be taken (details.available, details.reserved), or PRODUCT.CONFLICT',
      ErrorBodySchema,
    ),
    415: unsupported,
    422: json(
      'STOCK.ADJUSTMENT_SIGN: received must be positive, damaged negative (details.field = quantity)',
      ErrorBodySchema,
    ),
  },
});

export const setPhotosRoute = defineRoute({
  method: 'put',
  path: '/products/{productId}/photos',
  summary:
    "Set the product's photos (at most 8, in order) from photos you uploaded to its cooperative; [] removes them",
  access: editors,
  request: { params: ProductParamsSchema, body: body(SetPhotosBodySchema) },
  responses: {
    200: json('The product with its photos', StaffProductViewSchema),
    404: productNotFoundAnswer,
    415: unsupported,
    422: json('PHOTO.NOT_FOUND: a photo id is unknown or not yours in this cooperative', ErrorBodySchema),
  },
});

export const historyRoute = defineRoute({
  method: 'get',
  path: '/products/{productId}/history',
  summary:
    'Every change of price, stock (adjustments, not sales), text, photos, status and review decisions, by whom and when, oldest first',
  access: { allow: [...PRODUCT_READER_ROLES, 'penjual'], scope: 'resource' },
  request: { params: ProductParamsSchema },
  responses: { 200: json('The history', HistorySchema), 404: productNotFoundAnswer },
});

/** Stock adjustments, photos and history of one product: staff, and the penjual who owns it. */
export function productExtrasRoutes(deps: CatalogDeps) {
  const app = createRouter();
  app.openapi(adjustStockRoute, async (c) => {
    const product = await adjustStock(
      deps,
      c.req.valid('param').productId,
      c.req.valid('json'),
      writeContext(c),
    );
    return c.json(toStaffProductView(product), 200);
  });
  app.openapi(setPhotosRoute, async (c) => {
    const product = await setProductPhotos(
      deps,
      c.req.valid('param').productId,
      c.req.valid('json').photoIds,
      writeContext(c),
    );
    return c.json(toStaffProductView(product), 200);
  });
  app.openapi(historyRoute, async (c) => {
    const entries = await productHistory(deps, c.req.valid('param').productId, writeContext(c));
    const items = entries.map(({ productId: _p, cooperativeId: _c, at, by, ...rest }) => ({
      ...rest,
      at: at.toISOString(),
      by: by && { personId: by.personId, roles: [...by.roles] },
    }));
    return c.json({ items }, 200);
  });
  return app;
}
