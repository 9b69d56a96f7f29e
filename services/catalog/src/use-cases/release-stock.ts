import { causedBy, type Envelope, newEvent, type OrderLine, StockReleased } from '@pasar/contracts';
import { aggregateLines, RELEASABLE } from '../domain/reservation';
import { CATALOG_SOURCE, type CatalogDeps } from './deps';
import type { SagaOutcome } from './reserve-stock';
import { releaseHolds } from './stock-holds';
import { listingsChanged } from './listings-changed';

type OrderEnded = Envelope<string, { orderId: string; lines: OrderLine[] }>;

/**
 * OrderCancelled / OrderExpired → the order's units go back on sale → StockReleased.
 * The undo of both reserve (held → available) and commit (sold → available). Each per-line move is
 * conditional on the order's entry on the product, so partial earlier runs are finished, never
 * repeated. For an order catalog never decided, any holds a crashed placement left are given back
 * and a RELEASED tombstone is written, so a late placement cannot reserve for an ended order.
 */
export async function releaseStock(
  deps: CatalogDeps,
  ended: OrderEnded,
  reason: 'cancelled' | 'expired',
): Promise<SagaOutcome> {
  const { orderId } = ended.data;
  const reservation = await deps.reservations.get(orderId);
  if (!reservation) {
    const lines = aggregateLines(
      ended.data.lines.map(({ productId, quantity }) => ({ productId, quantity })),
    );
    if ((await releaseHolds(deps, orderId, lines)) > 0)
      await listingsChanged(deps, ended.cooperativeid, { productIds: lines.map((l) => l.productId) });
    const written = await deps.reservations.decide({
      orderId,
      cooperativeId: ended.cooperativeid,
      status: 'RELEASED',
      lines: [],
      releaseReason: reason,
      note: 'order ended before catalog decided its stock',
      events: [],
    });
    // Lost a race with the placement's decision: release against that decision instead.
    return written ? { applied: false, status: 'MISSING' } : releaseStock(deps, ended, reason);
  }
  if (!RELEASABLE.includes(reservation.status)) return { applied: false, status: reservation.status };

  for (const line of reservation.lines) {
    await deps.stock.releaseHold(line.productId, orderId, line.quantity);
    await deps.stock.releaseSale(line.productId, orderId, line.quantity);
  }
  const event = newEvent(
    StockReleased,
    orderId,
    { orderId, lines: reservation.lines, reason },
    causedBy(ended, CATALOG_SOURCE),
  );
  const applied = await deps.reservations.transition(orderId, {
    from: RELEASABLE,
    to: 'RELEASED',
    releaseReason: reason,
    note: `was ${reservation.status}`,
    events: [event],
  });
  if (applied) deps.outboxWritten?.('stock_reservations', orderId);
  await listingsChanged(deps, reservation.cooperativeId, {
    productIds: reservation.lines.map((l) => l.productId),
  });
  return {
    applied,
    status: applied ? 'RELEASED' : ((await deps.reservations.get(orderId))?.status ?? 'MISSING'),
  };
}
