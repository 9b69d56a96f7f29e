import type { Order, OrderStatus } from '../domain/order';
import type { PaymentMethod } from '../domain/types';
import type { OrderCursor, OrdersDeps } from './ports';
import { jakartaDay, jakartaDayStart } from '../domain/jakarta-time';

/** Orders whose money counts: paid or confirmed (cash), and every step after; not cancelled/expired/rejected. */
export const REVENUE_STATUSES: readonly OrderStatus[] = [
  'CONFIRMED',
  'PAID',
  'PACKED',
  'READY_FOR_PICKUP',
  'OUT_FOR_DELIVERY',
  'COMPLETED',
];

export interface Tally {
  /** Orders placed (any status). */
  orders: number;
  /** Integer rupiah: totals of the orders among them that count (REVENUE_STATUSES). */
  revenue: number;
}

export interface CooperativeStats {
  today: Tally & { byPaymentMethod: Partial<Record<PaymentMethod, Tally>> };
  /** Oldest first, one entry per calendar day in Asia/Jakarta (days without orders too), today last. */
  days: (Tally & { date: string })[];
}

type StatsOrder = Pick<Order, 'status' | 'total' | 'paymentMethod' | 'createdAt'>;

const add = (t: Tally, o: StatsOrder) => {
  t.orders += 1;
  if (REVENUE_STATUSES.includes(o.status)) t.revenue += o.total;
};

/** Pure: the dashboard's figures for the last `days` Jakarta days (today included) of these orders. */
export function computeStats(orders: readonly StatsOrder[], now: Date, days: number): CooperativeStats {
  const series = Array.from({ length: days }, (_, i) => ({
    date: jakartaDay(jakartaDayStart(now, days - 1 - i)),
    orders: 0,
    revenue: 0,
  }));
  const byDate = new Map(series.map((d) => [d.date, d]));
  const todayDate = jakartaDay(now);
  const today: CooperativeStats['today'] = { orders: 0, revenue: 0, byPaymentMethod: {} };
  for (const o of orders) {
    const date = jakartaDay(o.createdAt);
    const day = byDate.get(date);
    if (!day) continue; // outside the window
    add(day, o);
    if (date !== todayDate) continue;
    add(today, o);
    const method = today.byPaymentMethod[o.paymentMethod] ?? { orders: 0, revenue: 0 };
    today.byPaymentMethod[o.paymentMethod] = method;
    add(method, o);
  }
  return { today, days: series };
}

const PAGE = 500;

/**
 * The cooperative's figures over the last `days` days, from its orders placed since the first of
 * those days: newest-first keyset pages on the (cooperativeId, createdAt) index, read until the
 * window's start. Computed here rather than in the database (FerretDB's aggregation is limited).
 */
export async function getCooperativeStats(
  deps: Pick<OrdersDeps, 'orders' | 'clock'>,
  cooperativeId: string,
  days: number,
): Promise<CooperativeStats> {
  const now = deps.clock();
  const since = jakartaDayStart(now, days - 1);
  const inWindow: Order[] = [];
  let cursor: OrderCursor | undefined;
  for (;;) {
    const page = await deps.orders.list({ cooperativeId }, PAGE, cursor);
    const fresh = page.items.filter((o) => o.createdAt >= since);
    inWindow.push(...fresh);
    if (!page.next || fresh.length < page.items.length) break;
    cursor = page.next;
  }
  return computeStats(inWindow, now, days);
}
