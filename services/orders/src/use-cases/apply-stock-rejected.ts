import { causedBy, type EventOf, newEvent, OrderRejected, type StockRejected } from '@pasar/contracts';
import type { Rejection } from '../domain/order';
import { commitChange, decideOrSkip } from './commit-change';
import { EVENT_SOURCE, type OrdersDeps } from './ports';

/** Catalog could not hold every line: the order ends REJECTED, with the reason kept for the shopper. */
export async function applyStockRejected(
  deps: OrdersDeps,
  evt: EventOf<typeof StockRejected>,
): Promise<void> {
  const order = await deps.orders.findById(evt.data.orderId);
  if (!order)
    return void deps.logger.warn(
      { orderId: evt.data.orderId, eventId: evt.id },
      'stock rejected for an unknown order',
    );
  const t = decideOrSkip(deps, order, 'rejectStock', evt.type);
  if (!t) return;
  const { reason, productId, requested, available } = evt.data;
  const productName = evt.data.productName ?? order.lines.find((l) => l.productId === productId)?.name;
  const rejection: Rejection = {
    reason,
    productId,
    requested,
    available,
    ...(productName ? { productName } : {}),
  };
  const rejected = newEvent(
    OrderRejected,
    order.id,
    { orderId: order.id, reason, productId },
    causedBy(evt, EVENT_SOURCE),
  );
  await commitChange(deps, order, t, { set: { rejection }, events: [rejected] });
}
