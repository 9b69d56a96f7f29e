import { NotFoundError } from '@pasar/service-kit';
import type { Order } from '../domain/order';
import { tokenMatches } from '../lib/ids';
import type { OrdersDeps } from './ports';

const notFound = (orderId: string) =>
  new NotFoundError('ORDER.NOT_FOUND', `No order ${orderId} for this link`);

/** The order for the shopper holding its link; a wrong token looks exactly like an unknown order. */
export async function getOrderForShopper(
  deps: OrdersDeps,
  orderId: string,
  token: string | undefined,
): Promise<Order> {
  const order = await deps.orders.findById(orderId);
  if (!order || !tokenMatches(token, order.tokenHashes)) throw notFound(orderId);
  return order;
}

export async function getOrderForStaff(deps: OrdersDeps, orderId: string): Promise<Order> {
  const order = await deps.orders.findById(orderId);
  if (!order) throw notFound(orderId);
  return order;
}
