import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { toStaffOrderView } from '../domain/views';
import { cancelOrderByStaff } from '../use-cases/cancel-order-by-staff';
import { getOrderForStaff } from '../use-cases/get-order';
import { listCooperativeOrders } from '../use-cases/list-orders';
import { packOrder } from '../use-cases/pack-order';
import type { OrdersDeps } from '../use-cases/ports';
import { ACCESS, staffActor } from './auth';
import {
  CooperativeParams,
  encodeCursor,
  StaffCancelBody,
  StaffOrderParams,
  StaffQueueQuery,
} from './schemas';
import { json, StaffOrderPageSchema, StaffOrderViewSchema } from './views.schemas';

/**
 * The cooperative's side of orders, all under /cooperatives/{cooperativeId}: the kit checks the
 * caller's role in that cooperative (staff without the role → 403, anyone else → 404), and the use
 * cases answer 404 for an order of another cooperative, exactly as for a missing one.
 */
export const staffQueueRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders',
  summary: "The cooperative's order queue, newest first (optionally one status)",
  access: ACCESS.staffRead,
  request: { params: CooperativeParams, query: StaffQueueQuery },
  responses: { 200: json(StaffOrderPageSchema, 'A page of orders') },
});

export const staffOrderRoute = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}',
  summary: 'One order of the cooperative, for its staff',
  access: ACCESS.staffRead,
  request: { params: StaffOrderParams },
  responses: { 200: json(StaffOrderViewSchema, 'The order') },
});

export const packOrderRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/pack',
  summary: 'Start packing (CONFIRMED or PAID → PACKED); audited',
  access: ACCESS.pack,
  request: { params: StaffOrderParams },
  responses: { 200: json(StaffOrderViewSchema, 'The packed order') },
});

export const staffCancelRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/cancel',
  summary: 'The cooperative cancels an order it cannot fulfil (until it is handed over); audited',
  access: ACCESS.staffCancel,
  request: {
    params: StaffOrderParams,
    body: { required: true, content: { 'application/json': { schema: StaffCancelBody } } },
  },
  responses: { 200: json(StaffOrderViewSchema, 'The cancelled order') },
});

export function staffRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(staffQueueRoute, async (c) => {
    const { cooperativeId } = c.req.valid('param');
    const { limit, cursor, status } = c.req.valid('query');
    const page = await listCooperativeOrders(deps, cooperativeId, {
      limit,
      ...(cursor ? { cursor } : {}),
      ...(status ? { status } : {}),
    });
    return c.json({ items: page.items.map(toStaffOrderView), nextCursor: encodeCursor(page.next) }, 200);
  });

  app.openapi(staffOrderRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    return c.json(toStaffOrderView(await getOrderForStaff(deps, cooperativeId, orderId)), 200);
  });

  app.openapi(packOrderRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const order = await packOrder(deps, staffActor(c, cooperativeId), cooperativeId, orderId);
    return c.json(toStaffOrderView(order), 200);
  });

  app.openapi(staffCancelRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const order = await cancelOrderByStaff(
      deps,
      staffActor(c, cooperativeId),
      cooperativeId,
      orderId,
      reason,
    );
    return c.json(toStaffOrderView(order), 200);
  });
  return app;
}
