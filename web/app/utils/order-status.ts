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
