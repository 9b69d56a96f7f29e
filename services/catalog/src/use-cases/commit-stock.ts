import { causedBy, type EventOf, newEvent, type OrderConfirmed, StockCommitted } from '@pasar/contracts';
import { CATALOG_SOURCE, type CatalogDeps } from './deps';
import type { SagaOutcome } from './reserve-stock';
import { listingsChanged } from './listings-changed';

/**
 * OrderConfirmed → the held units are sold (reserved → sold) → StockCommitted.
 * Only a RESERVED reservation commits; anything else (duplicate, rejected, released) is a no-op.
 * Per-line moves are conditional on the order's hold, so a re-run after a crash skips done lines.
 */
export async function commitStock(
  deps: CatalogDeps,
  confirmed: EventOf<typeof OrderConfirmed>,
): Promise<SagaOutcome> {
  const { orderId } = confirmed.data;
  const reservation = await deps.reservations.get(orderId);
  if (!reservation) return { applied: false, status: 'MISSING' };
  if (reservation.status !== 'RESERVED') return { applied: false, status: reservation.status };

  for (const line of reservation.lines) await deps.stock.commitHold(line.productId, orderId, line.quantity);
  const event = newEvent(
    StockCommitted,
    orderId,
    { orderId, lines: reservation.lines },
    causedBy(confirmed, CATALOG_SOURCE),
  );
  const applied = await deps.reservations.transition(orderId, {
    from: ['RESERVED'],
    to: 'COMMITTED',
    events: [event],
  });
  if (applied) deps.outboxWritten?.('stock_reservations', orderId);
  await listingsChanged(deps, reservation.cooperativeId, {
    productIds: reservation.lines.map((l) => l.productId),
  });
  return {
    applied,
    status: applied ? 'COMMITTED' : ((await deps.reservations.get(orderId))?.status ?? 'MISSING'),
  };
}
