import type { AppEnv } from '@pasar/service-kit';
import { validate } from '@pasar/service-kit';
import type { Hono } from 'hono';
import type { Fulfilment } from '../domain/order';
import { toOrderView } from '../domain/views';
import { cancelOrder } from '../use-cases/cancel-order';
import { getOrderForShopper } from '../use-cases/get-order';
import { packOrder } from '../use-cases/pack-order';
import { placeOrder } from '../use-cases/place-order';
import type { OrdersDeps } from '../use-cases/ports';
import { orderToken, requireAdmin } from './auth';
import { CancelBody, IdempotencyHeaders, OrderParams, PlaceOrderBody } from './schemas';

export function registerOrderRoutes(app: Hono<AppEnv>, deps: OrdersDeps & { adminToken: string }): void {
  app.post('/orders', validate('header', IdempotencyHeaders), validate('json', PlaceOrderBody), async (c) => {
    const body = c.req.valid('json');
    const placed = await placeOrder(deps, {
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      cartId: body.cartId,
      fulfilment: body.fulfilment as Fulfilment,
      contact: body.contact,
      paymentMethod: body.paymentMethod,
      ...(body.note ? { note: body.note } : {}),
    });
    return c.json(
      { order: toOrderView(placed.order), accessToken: placed.accessToken },
      placed.created ? 201 : 200,
    );
  });

  app.get('/orders/:orderId', validate('param', OrderParams), async (c) =>
    c.json(toOrderView(await getOrderForShopper(deps, c.req.valid('param').orderId, orderToken(c)))),
  );

  app.post(
    '/orders/:orderId/cancel',
    validate('param', OrderParams),
    validate('json', CancelBody),
    async (c) => {
      const order = await cancelOrder(
        deps,
        c.req.valid('param').orderId,
        orderToken(c),
        c.req.valid('json').reason,
      );
      return c.json(toOrderView(order));
    },
  );

  app.post(
    '/orders/:orderId/pack',
    requireAdmin(deps.adminToken),
    validate('param', OrderParams),
    async (c) => c.json(toOrderView(await packOrder(deps, c.req.valid('param').orderId))),
  );
}
