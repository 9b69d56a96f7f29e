import { describe, expect, it } from 'vitest';
import { translator } from '~/utils/i18n';
import { awaitsRefund, isSettled } from '~/utils/order-status';
import type { OrderView } from '~/utils/views';
import { countdown, PAYMENT_MESSAGES, paymentState, refundMessage } from './payment-message';

const deadline = '2026-11-23T10:30:00.000Z';
const online = (overrides: Partial<OrderView> = {}) =>
  ({
    status: 'AWAITING_PAYMENT',
    paymentMethod: 'qris',
    payment: { provider: 'midtrans', redirectUrl: 'https://pay.example/snap/1', deadline },
    cancelReason: null,
    refund: null,
    timeline: [{ status: 'PLACED', at: deadline }],
    ...overrides,
  }) as Pick<OrderView, 'status' | 'paymentMethod' | 'payment' | 'cancelReason' | 'refund' | 'timeline'>;
const said = (lang: 'id' | 'en', order: ReturnType<typeof online>) => {
  const key = PAYMENT_MESSAGES[paymentState(order).kind];
  return key ? translator(lang)(key) : null;
};

describe('what the order page says about paying', () => {
  it('prepares the payment until the hosted page is there', () => {
    const order = online({ payment: null });
    expect(paymentState(order)).toEqual({ kind: 'preparing' });
    expect(said('id', order)).toBe('Menyiapkan pembayaran…');
    expect(said('en', order)).toBe('Preparing your payment…');
    expect(paymentState(online({ status: 'PLACED', payment: null })).kind).toBe('none');
  });

  it('offers "Bayar sekarang" to the hosted page with the deadline', () => {
    expect(paymentState(online())).toEqual({
      kind: 'awaiting',
      redirectUrl: 'https://pay.example/snap/1',
      deadline,
    });
    expect(translator('id')('order.payNow')).toBe('Bayar sekarang');
    expect(translator('en')('order.payNow')).toBe('Pay now');
  });

  it('says paid, failed and expired in both languages', () => {
    expect(said('id', online({ status: 'PAID' }))).toMatch(/^Sudah dibayar/);
    expect(said('en', online({ status: 'PAID' }))).toMatch(/^Paid/);
    const failed = online({ status: 'CANCELLED', cancelReason: 'payment_failed' });
    expect(said('id', failed)).toMatch(/^Pembayaran gagal/);
    expect(said('en', failed)).toMatch(/^The payment failed/);
    const expired = online({ status: 'EXPIRED' });
    expect(said('id', expired)).toMatch(/^Waktu pembayaran habis/);
    expect(said('en', expired)).toMatch(/^The time to pay ran out/);
  });

  it('says nothing about paying for a cash order', () => {
    expect(paymentState(online({ paymentMethod: 'cash', status: 'CONFIRMED', payment: null })).kind).toBe(
      'none',
    );
    expect(paymentState(online({ paymentMethod: 'cash', status: 'EXPIRED', payment: null })).kind).toBe(
      'none',
    );
  });

  it('tells a refund being made and a refund made', () => {
    const refund = { amount: 30_000, via: null, reason: 'order_cancelled', at: deadline } as const;
    const pending = online({ status: 'CANCELLED', refund: { ...refund, status: 'pending' } });
    const done = online({ status: 'CANCELLED', refund: { ...refund, status: 'refunded', via: 'manual' } });
    const t = translator('id');
    expect(t(refundMessage(pending)!, { amount: 'Rp 30.000' })).toMatch(/^Dana sedang dikembalikan/);
    expect(t(refundMessage(done)!, { amount: 'Rp 30.000' })).toMatch(/^Dana sudah dikembalikan/);
    expect(translator('en')(refundMessage(done)!, { amount: 'Rp 30.000' })).toMatch(/refunded/);
    expect(refundMessage(online())).toBeNull();
    // The page keeps listening while money is still due back, then stops.
    expect(isSettled(pending)).toBe(false);
    expect(isSettled(done)).toBe(true);
    const paidThenCancelled = online({
      status: 'CANCELLED',
      timeline: [
        { status: 'PAID', at: deadline },
        { status: 'CANCELLED', at: deadline },
      ],
    });
    expect(awaitsRefund(paidThenCancelled)).toBe(true);
  });

  it('counts down to the deadline', () => {
    const at = Date.parse(deadline);
    expect(countdown(deadline, at - 125_000)).toBe('2:05');
    expect(countdown(deadline, at - 3_725_000)).toBe('1:02:05');
    expect(countdown(deadline, at + 5_000)).toBe('0:00');
  });
});
