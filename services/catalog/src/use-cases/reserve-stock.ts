import {
  causedBy,
  type EventOf,
  newEvent,
  type OrderPlaced,
  StockRejected,
  StockReserved,
} from '@pasar/contracts';
import {
  aggregateLines,
  lineProblem,
  type Rejection,
  type ReservationStatus,
  type StockLine,
} from '../domain/reservation';
import { CATALOG_SOURCE, type CatalogDeps } from './deps';
import { listingsChanged } from './listings-changed';
import { holdLines, releaseHolds } from './stock-holds';

export interface SagaOutcome {
  applied: boolean;
  status: ReservationStatus | 'MISSING';
}

/**
 * OrderPlaced → hold every line or none → StockReserved | StockRejected.
 * Crash-safe and idempotent without transactions:
 *  - each hold is remembered on the product under the order id, so a re-run after a crash finds
 *    its own holds instead of taking units twice;
 *  - the decision and its event are ONE insert of the reservation document (`_id` = order id),
 *    so an order is decided once; a redelivery after that is a no-op;
 *  - a rejection gives back every unit the order held (its compensation), also after a crash.
 */
export async function reserveStock(
  deps: CatalogDeps,
  placed: EventOf<typeof OrderPlaced>,
): Promise<SagaOutcome> {
  const { orderId, cooperativeId } = placed.data;
  const existing = await deps.reservations.get(orderId);
  if (existing) return settled(deps, cooperativeId, orderId, existing.lines, existing.status);

  const lines = aggregateLines(placed.data.lines.map(({ productId, quantity }) => ({ productId, quantity })));
  const current = await deps.stock.readForOrder(
    lines.map((l) => l.productId),
    orderId,
  );
  const heldEarlier = lines.filter((l) => current.get(l.productId)?.held !== undefined);
  let rejection: Rejection | null = null;
  for (const line of lines) {
    const entry = current.get(line.productId);
    if (entry?.held !== undefined) continue; // held by an earlier run that crashed
    rejection ??= lineProblem(line, entry?.product, cooperativeId);
  }
  let heldNow: StockLine[] = [];
  if (!rejection) {
    const toHold = lines.filter((l) => !heldEarlier.includes(l));
    ({ rejection, held: heldNow } = await holdLines(deps, orderId, toHold));
  }

  const ctx = causedBy(placed, CATALOG_SOURCE);
  const decided = await deps.reservations.decide(
    rejection
      ? {
          orderId,
          cooperativeId,
          lines,
          status: 'REJECTED',
          rejection,
          events: [newEvent(StockRejected, orderId, { orderId, ...rejection }, ctx)],
        }
      : {
          orderId,
          cooperativeId,
          lines,
          status: 'RESERVED',
          events: [newEvent(StockReserved, orderId, { orderId, lines }, ctx)],
        },
  );
  if (!decided) {
    // A concurrent delivery of the same order decided first: go by its decision.
    const winner = await deps.reservations.get(orderId);
    const outcome = await settled(deps, cooperativeId, orderId, lines, winner?.status ?? 'REJECTED');
    if (heldNow.length > 0) await listingsChanged(deps, cooperativeId, { productIds: idsOf(heldNow) });
    return outcome;
  }
  deps.outboxWritten?.('stock_reservations', orderId);
  // Compensation: a rejected order gives back what this run and any crashed earlier run held.
  if (rejection) await releaseHolds(deps, orderId, [...heldEarlier, ...heldNow]);
  if (heldEarlier.length + heldNow.length > 0)
    await listingsChanged(deps, cooperativeId, { productIds: idsOf([...heldEarlier, ...heldNow]) });
  return { applied: true, status: rejection ? 'REJECTED' : 'RESERVED' };
}

const idsOf = (lines: StockLine[]) => lines.map((l) => l.productId);

/** An order already decided: nothing to do, except making sure a rejected or released order holds nothing. */
async function settled(
  deps: CatalogDeps,
  cooperativeId: string,
  orderId: string,
  lines: StockLine[],
  status: ReservationStatus,
): Promise<SagaOutcome> {
  if ((status === 'REJECTED' || status === 'RELEASED') && (await releaseHolds(deps, orderId, lines)) > 0)
    await listingsChanged(deps, cooperativeId, { productIds: idsOf(lines) });
  return { applied: false, status };
}
