import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute, DomainError } from '@pasar/service-kit';
import type { Context } from 'hono';
import { toStaffOrderView } from '../domain/views';
import { completeOrder } from '../use-cases/complete-order';
import { markReadyForPickup } from '../use-cases/mark-ready-for-pickup';
import type { OrdersDeps } from '../use-cases/ports';
import { sendOutForDelivery } from '../use-cases/send-out-for-delivery';
import { ACCESS, staffActor } from './auth';
import { DeliverBody, HandOverBody } from './fulfilment.schemas';
import { StaffOrderParams } from './schemas';
import { json, StaffOrderViewSchema } from './views.schemas';

const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

/** The fulfilment steps after packing, all audited (see staff.routes.ts for the queue, pack and cancel). */
export const markReadyRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/ready',
  summary: 'A packed pickup order waits at the outlet (PACKED → READY_FOR_PICKUP); audited',
  access: ACCESS.markReady,
  request: { params: StaffOrderParams },
  responses: { 200: json(StaffOrderViewSchema, 'The order, ready for pickup') },
});

export const sendOutRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/out-for-delivery',
  summary: 'A courier leaves with a packed delivery order (PACKED → OUT_FOR_DELIVERY); audited',
  access: ACCESS.sendOut,
  request: { params: StaffOrderParams },
  responses: { 200: json(StaffOrderViewSchema, 'The order, out for delivery') },
});

export const handOverRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/hand-over',
  summary:
    "Hand over at the outlet with the shopper's pickup code, recording the cash of a cash order (READY_FOR_PICKUP → COMPLETED); audited",
  access: ACCESS.handOver,
  request: { params: StaffOrderParams, body: body(HandOverBody) },
  responses: { 200: json(StaffOrderViewSchema, 'The completed order') },
});

export const deliverRoute = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/orders/{orderId}/deliver',
  summary:
    'The courier hands a delivery over with the pickup code or a note, recording the cash of a cash order (OUT_FOR_DELIVERY → COMPLETED); audited',
  access: ACCESS.deliver,
  request: { params: StaffOrderParams, body: body(DeliverBody) },
  responses: { 200: json(StaffOrderViewSchema, 'The completed order') },
});

/** A throttled answer carries Retry-After (seconds), as HTTP clients and proxies expect. */
async function withRetryAfter<T>(c: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof DomainError && err.code === 'ORDER.PICKUP_CODE_THROTTLED')
      c.header('Retry-After', String(err.details?.retryAfterSeconds ?? 60));
    throw err;
  }
}

export function fulfilmentRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(markReadyRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const order = await markReadyForPickup(deps, staffActor(c, cooperativeId), cooperativeId, orderId);
    return c.json(toStaffOrderView(order), 200);
  });

  app.openapi(sendOutRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const order = await sendOutForDelivery(deps, staffActor(c, cooperativeId), cooperativeId, orderId);
    return c.json(toStaffOrderView(order), 200);
  });

  app.openapi(handOverRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const { pickupCode, cashReceived } = c.req.valid('json');
    const order = await withRetryAfter(c, () =>
      completeOrder(deps, staffActor(c, cooperativeId), cooperativeId, orderId, 'outlet', {
        pickupCode,
        ...(cashReceived !== undefined ? { cashReceived } : {}),
      }),
    );
    return c.json(toStaffOrderView(order), 200);
  });

  app.openapi(deliverRoute, async (c) => {
    const { cooperativeId, orderId } = c.req.valid('param');
    const { pickupCode, note, cashReceived } = c.req.valid('json');
    const order = await withRetryAfter(c, () =>
      completeOrder(deps, staffActor(c, cooperativeId), cooperativeId, orderId, 'courier', {
        ...(pickupCode !== undefined ? { pickupCode } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(cashReceived !== undefined ? { cashReceived } : {}),
      }),
    );
    return c.json(toStaffOrderView(order), 200);
  });
  return app;
}
