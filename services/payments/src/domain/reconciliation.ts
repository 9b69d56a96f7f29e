import type { Payment } from './payment';

/** What a provider's own record says, reduced to what reconciliation compares. */
export interface ProviderSide {
  /** null: the provider does not know the transaction. */
  known: boolean;
  captured: boolean;
  amount: number | null;
  refundedAmount: number;
  refundCount: number;
  status: string | null;
}

export const MISMATCH_KINDS = [
  'paid_but_order_not_paid',
  'order_paid_without_settlement',
  'amount_differs',
  'refunded_twice',
  'not_refunded',
  'refund_not_at_provider',
] as const;
export type MismatchKind = (typeof MISMATCH_KINDS)[number];

export interface Mismatch {
  kind: MismatchKind;
  paymentId: string;
  orderId: string;
  detail: string;
}

/**
 * Compares one payment (ours, and what we learnt of its order) with the provider's record of it.
 * Pure, so every kind of mismatch has a unit test. A refund that is owed and in progress
 * (REFUND_PENDING, or a MANUAL_REFUND task not done yet) is not a mismatch: it is work in flight.
 */
export function compare(p: Payment, provider: ProviderSide): Mismatch[] {
  const out: Mismatch[] = [];
  const add = (kind: MismatchKind, detail: string) =>
    out.push({ kind, paymentId: p.paymentId, orderId: p.orderId, detail });
  const owedBack = p.orderState === 'cancelled' || p.orderState === 'expired';
  if (provider.known && provider.amount !== null && provider.amount !== p.amount)
    add('amount_differs', `the provider has Rp ${provider.amount}, the order costs Rp ${p.amount}`);
  if (provider.captured && p.orderState !== 'paid' && !owedBack)
    add(
      'paid_but_order_not_paid',
      `the provider captured the money (${provider.status}); the order is ${p.orderState}`,
    );
  if (p.orderState === 'paid' && !provider.captured)
    add(
      'order_paid_without_settlement',
      `the order is paid; the provider says ${provider.status ?? 'nothing'}`,
    );
  if (provider.refundCount > 1 || provider.refundedAmount > p.amount)
    add(
      'refunded_twice',
      `the provider made ${provider.refundCount} refunds, Rp ${provider.refundedAmount} in all`,
    );
  const settledByHand = p.status === 'REFUNDED' && p.refund?.doneBy;
  const inFlight = p.status === 'REFUND_PENDING' || p.status === 'MANUAL_REFUND';
  if (provider.captured && owedBack && provider.refundedAmount === 0 && !settledByHand && !inFlight)
    add('not_refunded', `the order is ${p.orderState} and the captured Rp ${p.amount} was not refunded`);
  if (p.status === 'REFUNDED' && !settledByHand && provider.refundedAmount === 0)
    add('refund_not_at_provider', 'we recorded a provider refund the provider does not show');
  return out;
}
