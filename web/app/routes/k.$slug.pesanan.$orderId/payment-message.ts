import type { MessageKey } from '~/utils/i18n';
import type { OrderView } from '~/utils/views';

type PaymentFacts = Pick<OrderView, 'status' | 'paymentMethod' | 'payment' | 'cancelReason' | 'refund'>;

/** What the order page says about paying: one state, from the order the orders service reports. */
export type PaymentState =
  | { kind: 'none' }
  | { kind: 'preparing' }
  | { kind: 'awaiting'; redirectUrl: string; deadline: string }
  | { kind: 'paid' }
  | { kind: 'failed' }
  | { kind: 'expired' }
  | { kind: 'cancelled-by-staff' };

export function paymentState(order: PaymentFacts): PaymentState {
  const online = order.paymentMethod !== 'cash';
  if (order.status === 'CANCELLED' && order.cancelReason === 'payment_failed') return { kind: 'failed' };
  if (order.status === 'CANCELLED' && order.cancelReason === 'staff') return { kind: 'cancelled-by-staff' };
  if (!online) return { kind: 'none' };
  if (order.status === 'AWAITING_PAYMENT') {
    const url = order.payment?.redirectUrl;
    return url && order.payment
      ? { kind: 'awaiting', redirectUrl: url, deadline: order.payment.deadline }
      : { kind: 'preparing' };
  }
  if (order.status === 'PAID') return { kind: 'paid' };
  if (order.status === 'EXPIRED') return { kind: 'expired' };
  return { kind: 'none' };
}

/** The message of a state that has one (awaiting is a button and a deadline, not a sentence). */
export const PAYMENT_MESSAGES: Partial<Record<PaymentState['kind'], MessageKey>> = {
  preparing: 'order.paymentPreparing',
  paid: 'order.paid',
  failed: 'order.paymentFailed',
  expired: 'order.paymentExpired',
  'cancelled-by-staff': 'order.cancelledByStaff',
};

/** "Dana sedang dikembalikan" / "Dana sudah dikembalikan", or nothing. */
export function refundMessage(order: Pick<OrderView, 'refund'>): MessageKey | null {
  if (!order.refund) return null;
  return order.refund.status === 'refunded' ? 'order.refunded' : 'order.refundPending';
}

/** "12:34" or "1:02:03" until the deadline; "0:00" once it passed. */
export function countdown(deadline: string, now: number): string {
  const left = Math.max(0, Math.floor((Date.parse(deadline) - now) / 1000));
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const s = String(left % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
