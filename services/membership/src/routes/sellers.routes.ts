import { createRouter, defineRoute } from '@pasar/service-kit';
import { z } from '@hono/zod-openapi';
import { reinstateSellerOf, suspendSellerOf } from '../use-cases/change-seller-status';
import { listSellers } from '../use-cases/list-sellers';
import type { SellersDeps } from '../use-cases/ports';
import { actorIn } from './actor';
import { CooperativeOnlyParams, ReasonBody, SellerParams, SellerViewSchema } from './sellers.schemas';
import { json } from './views.schemas';

const listRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/sellers',
  summary: "The cooperative's seller registry: status, shop and since",
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: CooperativeOnlyParams },
  responses: { 200: json(z.object({ items: z.array(SellerViewSchema) }), 'Sellers, oldest first') },
});

const suspendRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/suspend',
  summary: 'Suspend a seller (their listings leave the storefront; the penjual role stays)',
  access: { allow: ['pengurus'], scope: 'path' },
  request: {
    params: SellerParams,
    body: { content: { 'application/json': { schema: ReasonBody } }, required: true },
  },
  responses: { 200: json(SellerViewSchema, 'Suspended') },
});

const reinstateRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/sellers/{sellerId}/reinstate',
  summary: 'Lift a suspension (the listings come back)',
  access: { allow: ['pengurus'], scope: 'path' },
  request: { params: SellerParams },
  responses: { 200: json(SellerViewSchema, 'Active again') },
});

/** The seller registry: the board reads and suspends or reinstates; pengawas read. */
export function sellersRoutes(deps: SellersDeps) {
  const app = createRouter();
  app.openapi(listRoute, async (c) =>
    c.json({ items: await listSellers(deps, c.req.valid('param').cooperativeId) }, 200),
  );
  app.openapi(suspendRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    return c.json(
      await suspendSellerOf(deps, actorIn(c, cooperativeId), cooperativeId, sellerId, reason),
      200,
    );
  });
  app.openapi(reinstateRoute, async (c) => {
    const { cooperativeId, sellerId } = c.req.valid('param');
    return c.json(await reinstateSellerOf(deps, actorIn(c, cooperativeId), cooperativeId, sellerId), 200);
  });
  return app;
}
