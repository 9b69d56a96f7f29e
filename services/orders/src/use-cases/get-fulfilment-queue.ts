import { jakartaDay, jakartaDayRange } from '../domain/jakarta-time';
import type { Fulfilment, Order, OrderStatus } from '../domain/order';
import type { OrdersDeps, QueueColumnQuery } from './ports';

/** The staff's columns, in the order work flows through them. */
export const QUEUE_COLUMNS = [
  { key: 'new', statuses: ['PLACED', 'AWAITING_PAYMENT'], open: true },
  { key: 'toPack', statuses: ['CONFIRMED', 'PAID'], open: true },
  { key: 'packed', statuses: ['PACKED'], open: true },
  { key: 'readyForPickup', statuses: ['READY_FOR_PICKUP'], open: true },
  { key: 'outForDelivery', statuses: ['OUT_FOR_DELIVERY'], open: true },
  { key: 'completed', statuses: ['COMPLETED'], open: false },
  { key: 'problems', statuses: ['REJECTED', 'EXPIRED', 'CANCELLED'], open: false },
] as const satisfies readonly { key: string; statuses: readonly OrderStatus[]; open: boolean }[];

export type QueueColumnKey = (typeof QUEUE_COLUMNS)[number]['key'];

/** At most this many orders per column (the count tells how many there are). */
export const QUEUE_COLUMN_LIMIT = 50;

export interface FulfilmentQueue {
  day: string;
  fulfilment: Fulfilment['method'] | null;
  columns: { key: QueueColumnKey; statuses: OrderStatus[]; count: number; orders: Order[] }[];
}

/**
 * The day's work of a cooperative, column by column, newest first. Open work (new … out for
 * delivery) is every order in that state placed before the day ended, so yesterday's unfinished
 * orders stay in view; finished work (completed, problems) is what ended during the day. Days
 * are Asia/Jakarta days.
 */
export async function getFulfilmentQueue(
  deps: OrdersDeps,
  cooperativeId: string,
  opts: { day?: string; fulfilment?: Fulfilment['method'] },
): Promise<FulfilmentQueue> {
  const day = opts.day ?? jakartaDay(deps.clock());
  const range = jakartaDayRange(day);
  const columns = await Promise.all(
    QUEUE_COLUMNS.map(async (col) => {
      const query: QueueColumnQuery = {
        cooperativeId,
        statuses: col.statuses,
        ...(opts.fulfilment ? { fulfilment: opts.fulfilment } : {}),
        ...(col.open ? { createdBefore: range.end } : { updatedIn: range }),
      };
      const { count, items } = await deps.orders.queueColumn(query, QUEUE_COLUMN_LIMIT);
      return { key: col.key, statuses: [...col.statuses], count, orders: items };
    }),
  );
  return { day, fulfilment: opts.fulfilment ?? null, columns };
}
