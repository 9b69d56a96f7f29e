import type { AppEnv } from '@pasar/service-kit';
import { validate } from '@pasar/service-kit';
import type { Hono } from 'hono';
import { addCartLine } from '../use-cases/add-cart-line';
import { createCart } from '../use-cases/create-cart';
import { getCart } from '../use-cases/get-cart';
import type { OrdersDeps } from '../use-cases/ports';
import { removeCartLine } from '../use-cases/remove-cart-line';
import { setCartLine } from '../use-cases/set-cart-line';
import { AddLineBody, CartLineParams, CartParams, CreateCartBody, SetLineBody } from './schemas';

export function registerCartRoutes(app: Hono<AppEnv>, deps: OrdersDeps): void {
  app.post('/carts', validate('json', CreateCartBody), async (c) =>
    c.json(await createCart(deps, c.req.valid('json').cooperativeId), 201),
  );

  app.get('/carts/:cartId', validate('param', CartParams), async (c) =>
    c.json(await getCart(deps, c.req.valid('param').cartId)),
  );

  app.post(
    '/carts/:cartId/lines',
    validate('param', CartParams),
    validate('json', AddLineBody),
    async (c) => {
      const { productId, quantity } = c.req.valid('json');
      return c.json(await addCartLine(deps, c.req.valid('param').cartId, productId, quantity));
    },
  );

  app.put(
    '/carts/:cartId/lines/:productId',
    validate('param', CartLineParams),
    validate('json', SetLineBody),
    async (c) => {
      const { cartId, productId } = c.req.valid('param');
      return c.json(await setCartLine(deps, cartId, productId, c.req.valid('json').quantity));
    },
  );

  app.delete('/carts/:cartId/lines/:productId', validate('param', CartLineParams), async (c) => {
    const { cartId, productId } = c.req.valid('param');
    return c.json(await removeCartLine(deps, cartId, productId));
  });
}
