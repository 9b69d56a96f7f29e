import type { OrderStatus } from '../domain/order';
import type { OrderCursor, OrderPage, OrdersDeps } from './ports';

export interface PageRequest {
  limit: number;
  cursor?: OrderCursor;
}

/** The staff queue of one cooperative, newest first, optionally one status only. */
export function listCooperativeOrders(
  deps: OrdersDeps,
  cooperativeId: string,
  page: PageRequest & { status?: OrderStatus },
): Promise<OrderPage> {
  return deps.orders.list(
    { cooperativeId, ...(page.status ? { status: page.status } : {}) },
    page.limit,
    page.cursor,
  );
}

/** "Pesanan saya": the orders the signed-in person placed, in every cooperative, newest first. */
export function listBuyerOrders(deps: OrdersDeps, personId: string, page: PageRequest): Promise<OrderPage> {
  return deps.orders.list({ buyerPersonId: personId }, page.limit, page.cursor);
}
