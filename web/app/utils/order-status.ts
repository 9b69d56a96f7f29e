import { ORDER_STATUSES, type OrderStatus } from '@pasar/contracts';
export { ORDER_STATUSES, type OrderStatus };

const FINAL: ReadonlySet<string> = new Set<OrderStatus>(['COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED']);

/** After these nothing more happens to an order: the live stream and the refresh can stop. */
export function isFinalStatus(status: string): boolean {
  return FINAL.has(status);
}

/** A pickup code is worth showing once the order is confirmed and until it is handed over or ends. */
export function showsPickupCode(status: string): boolean {
  return ['CONFIRMED', 'PAID', 'PACKED', 'READY_FOR_PICKUP', 'OUT_FOR_DELIVERY'].includes(status);
}

interface RefundFacts {
  status: string;
  paymentMethod: string;
  refund: { status: string } | null;
  timeline: { status: string }[];
}

/**
 * A final online order may still get money back (a paid order cancelled, a refund waiting for
 * staff): the page keeps listening until it says "Dana sudah dikembalikan".
 */
export function awaitsRefund(order: RefundFacts): boolean {
  if (order.paymentMethod === 'cash' || order.refund?.status === 'refunded') return false;
  if (order.refund?.status === 'pending') return true;
  return (
    (order.status === 'CANCELLED' || order.status === 'EXPIRED') &&
    order.timeline.some((t) => t.status === 'PAID')
  );
}

/** Nothing more will change on the order page: the live stream and the refresh can stop. */
export function isSettled(order: RefundFacts): boolean {
  return isFinalStatus(order.status) && !awaitsRefund(order);
}
