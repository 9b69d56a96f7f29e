import { describe, expect, it } from 'vitest';
import { meaningOf, midtransAmountToRupiah } from './midtrans-status';

describe('Midtrans statuses', () => {
  it('maps settlement and accepted captures to paid, and the rest as the issue says', () => {
    expect(meaningOf('settlement')).toBe('providerPaid');
    expect(meaningOf('capture', 'accept')).toBe('providerPaid');
    expect(meaningOf('capture', 'challenge')).toBeNull();
    expect(meaningOf('capture', 'deny')).toBe('providerFailed');
    for (const s of ['deny', 'cancel', 'failure'] as const) expect(meaningOf(s)).toBe('providerFailed');
    expect(meaningOf('expire')).toBe('providerExpired');
    expect(meaningOf('pending')).toBeNull();
    expect(meaningOf('refund')).toBe('providerRefunded');
  });

  it('reads gross_amount as whole rupiah and refuses fractions or garbage', () => {
    expect(midtransAmountToRupiah('15000.00')).toBe(15_000);
    expect(midtransAmountToRupiah('15000')).toBe(15_000);
    expect(midtransAmountToRupiah(15000)).toBe(15_000);
    expect(midtransAmountToRupiah('15000.50')).toBeNull();
    expect(midtransAmountToRupiah('-1.00')).toBeNull();
    expect(midtransAmountToRupiah('1e5')).toBeNull();
    expect(midtransAmountToRupiah('')).toBeNull();
  });
});
