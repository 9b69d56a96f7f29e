import { NotFoundError } from '@pasar/service-kit';
import type { Order } from '../domain/order';
import { tokenMatches } from '../lib/ids';
import type { OrdersDeps } from './ports';

const notFound = (orderId: string) => new NotFoundError('ORDER.NOT_FOUND', `No order ${orderId} here`);

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

/**
 * The order for staff of `cooperativeId` (the route checked their role there). An order of another
 * cooperative answers exactly like a missing one, so order ids cannot be probed across cooperatives.
 */
export async function getOrderForStaff(
  deps: OrdersDeps,
  cooperativeId: string,
  orderId: string,
): Promise<Order> {
  const order = await deps.orders.findById(orderId);
  if (!order || order.cooperativeId !== cooperativeId) throw notFound(orderId);
  return order;
}
