import { OrderIdSchema } from '@pasar/contracts';
import { notFound } from './http.server';
import { getOrderToken, type ShopperSession } from './session.server';

/**
 * The order id of a URL and the access token this browser holds for it (kept in the session when the order
 * was placed, or when its secret link was opened). Without both: 404, never a hint that the order exists.
 */
export function requireOrderAccess(
  session: ShopperSession,
  orderId: string | undefined,
): { orderId: string; token: string } {
  if (!OrderIdSchema.safeParse(orderId).success) throw notFound('order');
  const token = getOrderToken(session, orderId as string);
  if (!token) throw notFound('order');
  return { orderId: orderId as string, token };
}

export function isOrderId(value: unknown): value is string {
  return OrderIdSchema.safeParse(value).success;
}
