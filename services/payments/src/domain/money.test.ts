import { describe, expect, it } from 'vitest';
import { rupiahToStripeAmount, stripeAmountToRupiah } from './money';

describe('rupiah ↔ Stripe IDR amount', () => {
  it('multiplies whole rupiah by 100 for Stripe', () => {
    expect(rupiahToStripeAmount(15_000)).toBe(1_500_000);
    expect(rupiahToStripeAmount(0)).toBe(0);
    expect(rupiahToStripeAmount(1)).toBe(100);
  });

  it('divides Stripe amounts back into rupiah', () => {
    expect(stripeAmountToRupiah(1_500_000)).toBe(15_000);
    expect(stripeAmountToRupiah(0)).toBe(0);
  });

  it('round-trips exactly, including the largest rupiah amount our contracts allow', () => {
    for (const rupiah of [1, 999, 18_000, 62_500, 1_000_000_000_000]) {
      expect(stripeAmountToRupiah(rupiahToStripeAmount(rupiah))).toBe(rupiah);
    }
  });

  it('refuses fractions, negatives, NaN and amounts beyond safe integers going to Stripe', () => {
    for (const bad of [12.5, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER]) {
      expect(() => rupiahToStripeAmount(bad), String(bad)).toThrow(
        expect.objectContaining({ code: 'PAYMENT.INVALID_AMOUNT' }),
      );
    }
  });

  it('refuses a Stripe amount that is not whole rupiah instead of rounding it', () => {
    for (const bad of [150, 1_500_001, 99, -100, 1.5]) {
      expect(() => stripeAmountToRupiah(bad), String(bad)).toThrow(
        expect.objectContaining({ code: 'PAYMENT.INVALID_AMOUNT' }),
      );
    }
  });
});
