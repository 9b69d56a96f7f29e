import { describe, expect, it } from 'vitest';
import { emptyProviderRecord, type Payment } from './payment';
import { compare, type ProviderSide } from './reconciliation';

const paid: Payment = {
  paymentId: 'pay_1',
  orderId: 'ord_1',
  attempt: 1,
  cooperativeId: 'karangbesuki',
  provider: 'midtrans',
  paymentMethod: 'qris',
  amount: 35_000,
  captured: 35_000,
  refunded: 0,
  status: 'PAID',
  expiresAt: new Date(),
  createdAt: new Date(),
  updatedAt: new Date(),
  voidReason: null,
  failureReason: null,
  providerRecord: emptyProviderRecord(),
  refund: null,
  orderState: 'paid',
  correlationId: 'c',
};
const settled: ProviderSide = {
  known: true,
  captured: true,
  amount: 35_000,
  refundedAmount: 0,
  refundCount: 0,
  status: 'settlement',
};
const kinds = (p: Payment, s: ProviderSide) => compare(p, s).map((m) => m.kind);

describe('reconciliation of one payment', () => {
  it('finds nothing when the provider, our payment and the order agree', () => {
    expect(kinds(paid, settled)).toEqual([]);
    const refunded = {
      ...paid,
      status: 'REFUNDED' as const,
      refunded: 35_000,
      orderState: 'cancelled' as const,
    };
    expect(kinds(refunded, { ...settled, status: 'refund', refundedAmount: 35_000, refundCount: 1 })).toEqual(
      [],
    );
    const expired = { ...paid, status: 'VOIDED' as const, captured: 0, orderState: 'expired' as const };
    expect(kinds(expired, { ...settled, captured: false, status: 'expire' })).toEqual([]);
  });

  it('names each mismatch', () => {
    expect(kinds({ ...paid, orderState: 'awaiting', status: 'AWAITING_PAYMENT' }, settled)).toEqual([
      'paid_but_order_not_paid',
    ]);
    expect(kinds(paid, { ...settled, captured: false, status: 'pending' })).toEqual([
      'order_paid_without_settlement',
    ]);
    expect(kinds(paid, { ...settled, amount: 30_000 })).toEqual(['amount_differs']);
    expect(kinds(paid, { ...settled, refundCount: 2, refundedAmount: 70_000 })).toContain('refunded_twice');
    expect(kinds({ ...paid, orderState: 'cancelled', status: 'PAID' }, settled)).toEqual(['not_refunded']);
    expect(kinds({ ...paid, status: 'REFUNDED', orderState: 'cancelled' }, settled)).toEqual([
      'not_refunded',
      'refund_not_at_provider',
    ]);
  });

  it('treats an owed refund in progress, or one staff made by hand, as no mismatch', () => {
    const owed = { ...paid, orderState: 'cancelled' as const };
    expect(kinds({ ...owed, status: 'REFUND_PENDING' }, settled)).toEqual([]);
    expect(kinds({ ...owed, status: 'MANUAL_REFUND' }, settled)).toEqual([]);
    const byHand = {
      ...owed,
      status: 'REFUNDED' as const,
      refund: {
        key: 'k',
        amount: 35_000,
        reason: 'order_cancelled' as const,
        providerRefundId: null,
        doneBy: 'per_1',
        note: 'BCA 123',
        requestedAt: new Date(),
        doneAt: new Date(),
      },
    };
    expect(kinds(byHand, settled)).toEqual([]);
  });
});
