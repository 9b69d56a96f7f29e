import type { OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, createRouter, defineRoute } from '@pasar/service-kit';
import { addCartLine } from '../use-cases/add-cart-line';
import { createCart } from '../use-cases/create-cart';
import { getCart } from '../use-cases/get-cart';
import type { OrdersDeps } from '../use-cases/ports';
import { removeCartLine } from '../use-cases/remove-cart-line';
import { setCartLine } from '../use-cases/set-cart-line';
import { invalidToken } from './responses';
import { AddLineBody, CartLineParams, CartParams, CreateCartBody, SetLineBody } from './schemas';
import { CartViewSchema, json } from './views.schemas';

/** Carts are anonymous: the cart id (~131 random bits) is the only key to a guest's cart. */
const guest = { allow: ['anonymous'] } as const;
const body = <T>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
const cart = json(CartViewSchema, 'The cart, priced from the product read model');

export const createCartRoute = defineRoute({
  method: 'post',
  path: '/carts',
  summary: 'Start an empty guest cart in a cooperative',
  access: guest,
  request: { body: body(CreateCartBody) },
  responses: { 201: json(CartViewSchema, 'The new, empty cart'), ...invalidToken },
});

export const getCartRoute = defineRoute({
  method: 'get',
  path: '/carts/{cartId}',
  summary: 'Read a cart',
  access: guest,
  request: { params: CartParams },
  responses: { 200: cart, ...invalidToken },
});

export const addCartLineRoute = defineRoute({
  method: 'post',
  path: '/carts/{cartId}/lines',
  summary: 'Add a product (to the quantity already there)',
  access: guest,
  request: { params: CartParams, body: body(AddLineBody) },
  responses: { 200: cart, ...invalidToken },
});

export const setCartLineRoute = defineRoute({
  method: 'put',
  path: '/carts/{cartId}/lines/{productId}',
  summary: "Set a line's quantity (adds the line when absent)",
  access: guest,
  request: { params: CartLineParams, body: body(SetLineBody) },
  responses: { 200: cart, ...invalidToken },
});

export const removeCartLineRoute = defineRoute({
  method: 'delete',
  path: '/carts/{cartId}/lines/{productId}',
  summary: 'Remove a line (removing a missing line is not an error)',
  access: guest,
  request: { params: CartLineParams },
  responses: { 200: cart, ...invalidToken },
});

export function cartRoutes(deps: OrdersDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();
  app.openapi(createCartRoute, async (c) =>
    c.json(await createCart(deps, c.req.valid('json').cooperativeId), 201),
  );
  app.openapi(getCartRoute, async (c) => c.json(await getCart(deps, c.req.valid('param').cartId), 200));
  app.openapi(addCartLineRoute, async (c) => {
    const { productId, quantity } = c.req.valid('json');
    return c.json(await addCartLine(deps, c.req.valid('param').cartId, productId, quantity), 200);
  });
  app.openapi(setCartLineRoute, async (c) => {
    const { cartId, productId } = c.req.valid('param');
    return c.json(await setCartLine(deps, cartId, productId, c.req.valid('json').quantity), 200);
  });
  app.openapi(removeCartLineRoute, async (c) => {
    const { cartId, productId } = c.req.valid('param');
    return c.json(await removeCartLine(deps, cartId, productId), 200);
  });
  return app;
}
