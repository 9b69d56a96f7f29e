import type { Order } from '../domain/order';
import type { OrderChangeMark, OrdersDeps } from './ports';

/**
 * The live streams' reads, as use cases like every other read: the routes hold only the SSE loop.
 * `orderIfChanged`: the order again when its version moved on from `seenVersion` (a one-field read
 * first, so an idle stream costs one small query per poll); undefined when nothing changed.
 */
export async function orderIfChanged(
  deps: Pick<OrdersDeps, 'orders'>,
  orderId: string,
  seenVersion: number | undefined,
): Promise<Order | undefined> {
  const version = await deps.orders.versionOf(orderId);
  if (version === undefined || version === seenVersion) return undefined;
  return deps.orders.findById(orderId);
}

/** The cooperative's orders that changed at or after `since` (the staff queue's stream), at most `limit`. */
export function cooperativeChangesSince(
  deps: Pick<OrdersDeps, 'orders'>,
  cooperativeId: string,
  since: Date,
  limit = 100,
): Promise<OrderChangeMark[]> {
  return deps.orders.changedSince(cooperativeId, since, limit);
}
