import { answerSchema } from './contract.server';
import { callService, serviceUrl } from './http.server';
import type {
  CartView,
  OrderPage,
  OrderView,
  PaymentMethod,
  PlacedOrder,
  PlaceOrderInput,
  StaffOrderPage,
  StaffOrderView,
} from './views';

export type { PlaceOrderInput };
export type Address = Extract<PlaceOrderInput['fulfilment'], { method: 'delivery' }>['address'];

const cartPath = (cartId: string) => `/carts/${encodeURIComponent(cartId)}`;
const orderPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

export function createCart(cooperativeId: string): Promise<CartView> {
  return callService('orders', '/carts', {
    method: 'POST',
    body: { cooperativeId },
    schema: answerSchema('orders', 'post', '/carts'),
  });
}

/** ApiError CART.NOT_FOUND (404) when the cart is gone. */
export function getCart(cartId: string): Promise<CartView> {
  return callService('orders', cartPath(cartId), {
    schema: answerSchema('orders', 'get', '/carts/{cartId}'),
  });
}

/** Adds to the quantity already in the cart. Prices come from the orders service, never from us. */
export function addCartLine(cartId: string, productId: string, quantity: number): Promise<CartView> {
  return callService('orders', `${cartPath(cartId)}/lines`, {
    method: 'POST',
    body: { productId, quantity },
    schema: answerSchema('orders', 'post', '/carts/{cartId}/lines'),
  });
}

export function setCartLine(cartId: string, productId: string, quantity: number): Promise<CartView> {
  return callService('orders', `${cartPath(cartId)}/lines/${encodeURIComponent(productId)}`, {
    method: 'PUT',
    body: { quantity },
    schema: answerSchema('orders', 'put', '/carts/{cartId}/lines/{productId}'),
  });
}

export function removeCartLine(cartId: string, productId: string): Promise<CartView> {
  return callService('orders', `${cartPath(cartId)}/lines/${encodeURIComponent(productId)}`, {
    method: 'DELETE',
    schema: answerSchema('orders', 'delete', '/carts/{cartId}/lines/{productId}'),
  });
}

/**
 * The same idempotency key always yields the same order (200 instead of 201): a double submit makes one order.
 * With the signed-in person's orders token the order is recorded as theirs ("Pesanan saya"); without, a guest's.
 */
export function placeOrder(
  input: PlaceOrderInput,
  idempotencyKey: string,
  token?: string,
): Promise<PlacedOrder> {
  return callService('orders', '/orders', {
    method: 'POST',
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
    token,
    schema: answerSchema('orders', 'post', '/orders'),
  });
}

/** "Pesanan saya": the signed-in person's own orders, newest first. */
export function listMyOrders(token: string, cursor?: string): Promise<OrderPage> {
  return callService('orders', '/me/orders', {
    token,
    query: { limit: 20, cursor },
    schema: answerSchema('orders', 'get', '/me/orders'),
  });
}

/** A cooperative's orders for its staff (pengurus, kasir, gudang, pengawas); another cooperative → 404. */
export function listCooperativeOrders(
  token: string,
  cooperativeId: string,
  query: { status?: string; cursor?: string } = {},
): Promise<StaffOrderPage> {
  return callService('orders', `/cooperatives/${encodeURIComponent(cooperativeId)}/orders`, {
    token,
    query: { limit: 50, ...query },
    schema: answerSchema('orders', 'get', '/cooperatives/{cooperativeId}/orders'),
  });
}

/** One order of the cooperative for its staff; another cooperative's or an unknown one → 404. */
export function getCooperativeOrder(
  token: string,
  cooperativeId: string,
  orderId: string,
): Promise<StaffOrderView> {
  return callService(
    'orders',
    `/cooperatives/${encodeURIComponent(cooperativeId)}/orders/${encodeURIComponent(orderId)}`,
    { token, schema: answerSchema('orders', 'get', '/cooperatives/{cooperativeId}/orders/{orderId}') },
  );
}

/** ApiError ORDER.NOT_FOUND (404) for an unknown order or a wrong token: the service does not tell them apart. */
export function getOrder(orderId: string, token: string): Promise<OrderView> {
  return callService('orders', orderPath(orderId), {
    headers: { 'X-Order-Token': token },
    schema: answerSchema('orders', 'get', '/orders/{orderId}'),
  });
}

/** ApiError ORDER.CANNOT_CANCEL (409) once packing has started or the order is final. */
export function cancelOrder(orderId: string, token: string, reason?: string): Promise<OrderView> {
  return callService('orders', `${orderPath(orderId)}/cancel`, {
    method: 'POST',
    headers: { 'X-Order-Token': token },
    body: reason ? { reason } : {},
    schema: answerSchema('orders', 'post', '/orders/{orderId}/cancel'),
  });
}

/** The order's server-sent events, straight from the orders service (`event: order`, data = OrderView). */
export function openOrderEvents(orderId: string, token: string, signal: AbortSignal): Promise<Response> {
  const url = serviceUrl('orders', `${orderPath(orderId)}/events`, { token });
  return fetch(url, { headers: { Accept: 'text/event-stream', 'X-Order-Token': token }, signal });
}

/** The payment methods a shopper of the cooperative may choose (the cooperative's ∩ the platform's). */
export async function getPaymentMethods(cooperativeId: string): Promise<PaymentMethod[]> {
  const answer = await callService(
    'orders',
    `/cooperatives/${encodeURIComponent(cooperativeId)}/payment-methods`,
    {
      schema: answerSchema('orders', 'get', '/cooperatives/{cooperativeId}/payment-methods'),
    },
  );
  return answer.paymentMethods;
}
