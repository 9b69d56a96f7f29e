import type { Order } from '../domain/order';

/** What the shopper is told about. One mail per (order, kind), ever. */
export const NOTIFICATION_KINDS = ['ready_for_pickup', 'out_for_delivery', 'cancelled', 'refunded'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * The order as notifications read it. `notaNumber` comes with the fulfilment work (issue 9); orders
 * stored before it have none, and then the order id stands in for it.
 */
export type NotifiableOrder = Order & { notaNumber?: string | null };

/** The number the shopper knows the order by: the nota number, or the order id before there was one. */
export function orderNumber(order: Pick<NotifiableOrder, 'id' | 'notaNumber'>): string {
  return order.notaNumber ?? order.id;
}

/** What the order's current state calls for telling the shopper, if anything (the staff view's WhatsApp link). */
export function kindForOrder(order: Pick<Order, 'status' | 'refund'>): NotificationKind | null {
  if (order.refund?.status === 'refunded') return 'refunded';
  if (order.status === 'READY_FOR_PICKUP') return 'ready_for_pickup';
  if (order.status === 'OUT_FOR_DELIVERY') return 'out_for_delivery';
  if (order.status === 'CANCELLED') return 'cancelled';
  return null;
}

/** Integer rupiah as Indonesians write it: `Rp25.000`. */
export function rupiah(amount: number): string {
  return `Rp${Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
