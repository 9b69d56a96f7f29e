import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute, principalOf } from '@pasar/service-kit';
import type { Fulfilment } from '../domain/order';
import { toOrderView } from '../domain/views';
import { cancelOrder } from '../use-cases/cancel-order';
import { getOrderForShopper } from '../use-cases/get-order';
import { listBuyerOrders } from '../use-cases/list-orders';
import { placeOrder } from '../use-cases/place-order';
import type { OrdersDeps } from '../use-cases/ports';
import { ACCESS, orderToken } from './auth';
import { invalidToken, placeOrderErrors } from './responses';
import {
  CancelBody,
  encodeCursor,
  IdempotencyHeaders,
  OrderParams,
  OrderTokenHeaders,
  OrderTokenQuery,
  PageQuery,
  placeOrderBody,
} from './schemas';
import { json, OrderPageSchema, OrderViewSchema, PlacedOrderSchema } from './views.schemas';

const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

export function orderRoutes(deps: OrdersDeps) {
  return {
    place: defineRoute({
      method: 'post',
      path: '/orders',
      summary: 'Place the cart as an order (guests; a signed-in buyer is recorded from the token)',
      access: ACCESS.guest,
      request: {
        headers: IdempotencyHeaders,
        body: body(placeOrderBody(deps.settings.paymentMethods)),
      },
      responses: {
        201: json(PlacedOrderSchema, 'Placed: the order and its secret link token'),
        200: json(PlacedOrderSchema, 'The same request again: the same order, a fresh token'),
        ...invalidToken,
        ...placeOrderErrors,
      },
    }),
    view: defineRoute({
      method: 'get',
      path: '/orders/{orderId}',
      summary: 'The order, for the shopper holding its link (a wrong token answers as an unknown order)',
      access: ACCESS.orderLink,
      request: { params: OrderParams, headers: OrderTokenHeaders, query: OrderTokenQuery },
      responses: { 200: json(OrderViewSchema, 'The order') },
    }),
    cancel: defineRoute({
      method: 'post',
      path: '/orders/{orderId}/cancel',
      summary: 'The shopper cancels, until the cooperative starts packing',
      access: ACCESS.orderLink,
      request: {
        params: OrderParams,
        headers: OrderTokenHeaders,
        query: OrderTokenQuery,
        body: body(CancelBody),
      },
      responses: { 200: json(OrderViewSchema, 'The cancelled order') },
    }),
    mine: defineRoute({
      method: 'get',
      path: '/me/orders',
      summary: 'Pesanan saya: the signed-in person’s orders in every cooperative, newest first',
      access: ACCESS.signedIn,
      request: { query: PageQuery },
      responses: { 200: json(OrderPageSchema, 'A page of orders') },
    }),
  };
}

export function shopperOrderRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  const r = orderRoutes(deps);

  app.openapi(r.place, async (c) => {
    const body = c.req.valid('json');
    const buyer = principalOf(c); // verified by the kit; a personId in the body is refused as unknown
    const placed = await placeOrder(deps, {
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      cartId: body.cartId,
      fulfilment: body.fulfilment as Fulfilment,
      contact: body.contact,
      paymentMethod: body.paymentMethod,
      ...(body.note ? { note: body.note } : {}),
      ...(body.buyerNik !== undefined ? { buyerNik: body.buyerNik } : {}),
      ...(buyer ? { buyerPersonId: buyer.personId } : {}),
    });
    const answer = { order: toOrderView(placed.order), accessToken: placed.accessToken };
    return placed.created ? c.json(answer, 201) : c.json(answer, 200);
  });

  app.openapi(r.view, async (c) =>
    c.json(toOrderView(await getOrderForShopper(deps, c.req.valid('param').orderId, orderToken(c))), 200),
  );

  app.openapi(r.cancel, async (c) => {
    const order = await cancelOrder(
      deps,
      c.req.valid('param').orderId,
      orderToken(c),
      c.req.valid('json').reason,
    );
    return c.json(toOrderView(order), 200);
  });

  app.openapi(r.mine, async (c) => {
    const personId = principalOf(c)!.personId; // signed-in: the kit refused requests without a token
    const { limit, cursor } = c.req.valid('query');
    const page = await listBuyerOrders(deps, personId, { limit, ...(cursor ? { cursor } : {}) });
    return c.json({ items: page.items.map(toOrderView), nextCursor: encodeCursor(page.next) }, 200);
  });
  return app;
}
