import { PaymentMethodSchema } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import {
  decide,
  initialStatus,
  PAYMENT_COMMANDS,
  PAYMENT_STATUSES,
  type PaymentCommand,
  type PaymentStatus,
  PROVIDER_OF,
} from './payment';

/**
 * Every command × every status: what it moves to, or '-' for "nothing changes". The table is the
 * specification; a new status or command fails this test until it is written down here.
 */
const EXPECTED: Record<PaymentCommand, Partial<Record<PaymentStatus, PaymentStatus>>> = {
  sessionOpened: { OPENING: 'AWAITING_PAYMENT' },
  cashCollected: { PENDING_COLLECTION: 'COLLECTED' },
  providerPaid: {
    OPENING: 'PAID',
    AWAITING_PAYMENT: 'PAID',
    // Money for an attempt that is over is never kept: it goes back.
    FAILED: 'REFUND_PENDING',
    EXPIRED: 'REFUND_PENDING',
    VOIDED: 'REFUND_PENDING',
  },
  providerFailed: { OPENING: 'FAILED', AWAITING_PAYMENT: 'FAILED' },
  providerExpired: { OPENING: 'EXPIRED', AWAITING_PAYMENT: 'EXPIRED' },
  orderEnded: {
    PENDING_COLLECTION: 'VOIDED',
    OPENING: 'VOIDED',
    AWAITING_PAYMENT: 'VOIDED',
    PAID: 'REFUND_PENDING',
  },
  refundMade: { REFUND_PENDING: 'REFUNDED' },
  refundNeedsStaff: { REFUND_PENDING: 'MANUAL_REFUND' },
  manualRefundDone: { MANUAL_REFUND: 'REFUNDED' },
};

describe('the payment state machine', () => {
  for (const command of PAYMENT_COMMANDS) {
    for (const status of PAYMENT_STATUSES) {
      const expected = EXPECTED[command][status] ?? '-';
      it(`${command} on ${status} → ${expected}`, () => {
        const d = decide({ status, provider: 'midtrans', voidReason: null }, command);
        expect(d?.to ?? '-').toBe(expected);
        if (d) expect(d.from).toContain(status);
      });
    }
  }

  it('captures at most once: only an open attempt publishes PaymentSucceeded', () => {
    const publishing = PAYMENT_STATUSES.filter(
      (status) =>
        decide({ status, provider: 'midtrans', voidReason: null }, 'providerPaid')?.emits === 'succeeded',
    );
    expect(publishing).toEqual(['OPENING', 'AWAITING_PAYMENT']);
  });

  it('names why a late payment is refunded', () => {
    const reason = (status: PaymentStatus, voidReason: string | null) =>
      decide({ status, provider: 'midtrans', voidReason }, 'providerPaid')?.refundReason;
    expect(reason('VOIDED', 'expired')).toBe('paid_after_expiry');
    expect(reason('EXPIRED', null)).toBe('paid_after_expiry');
    expect(reason('VOIDED', 'cancelled by shopper')).toBe('paid_after_cancel');
    expect(reason('FAILED', null)).toBe('paid_after_cancel');
    expect(
      decide({ status: 'PAID', provider: 'midtrans', voidReason: null }, 'orderEnded')?.refundReason,
    ).toBe('order_cancelled');
  });

  it('starts cash pending collection and every online method opening a provider session', () => {
    expect(initialStatus('cash')).toBe('PENDING_COLLECTION');
    for (const method of PaymentMethodSchema.options.filter((m) => m !== 'cash'))
      expect(initialStatus(method), method).toBe('OPENING');
    expect(PROVIDER_OF.card).toBe('stripe');
    expect(PROVIDER_OF.qris).toBe('midtrans');
    expect(PROVIDER_OF.bank_transfer).toBe('midtrans');
  });
});
