import { type NotaView, toNotaView } from '../domain/nota-view';
import { getOrderForShopper, getOrderForStaff } from './get-order';
import type { OrdersDeps } from './ports';

/** The nota for the shopper holding the order's link (a wrong token answers as an unknown order). */
export async function getNotaForShopper(
  deps: OrdersDeps,
  orderId: string,
  token: string | undefined,
): Promise<NotaView> {
  const order = await getOrderForShopper(deps, orderId, token);
  return toNotaView(order, await deps.cooperatives.findById(order.cooperativeId));
}

/** The nota for staff of the order's cooperative. */
export async function getNotaForStaff(
  deps: OrdersDeps,
  cooperativeId: string,
  orderId: string,
): Promise<NotaView> {
  const order = await getOrderForStaff(deps, cooperativeId, orderId);
  return toNotaView(order, await deps.cooperatives.findById(order.cooperativeId));
}
