import { DomainError } from '@pasar/service-kit';

const invalid = (message: string) => new DomainError('PAYMENT.INVALID_AMOUNT', message, 422);

/**
 * Stripe treats IDR as a two-decimal currency: Rp 15.000 is sent as 1500000. Our rupiah are
 * whole integers everywhere, so the conversion is exact integer arithmetic, never floating point.
 */
export function rupiahToStripeAmount(rupiah: number): number {
  if (!Number.isSafeInteger(rupiah) || rupiah < 0)
    throw invalid(`Rupiah must be a whole non-negative number, got ${rupiah}`);
  const amount = rupiah * 100;
  if (!Number.isSafeInteger(amount)) throw invalid(`Rp ${rupiah} is too large to send to Stripe`);
  return amount;
}

/** Back from Stripe (every webhook and status read): refuses anything that is not whole rupiah. */
export function stripeAmountToRupiah(amount: number): number {
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw invalid(`Stripe amount must be a whole non-negative number, got ${amount}`);
  if (amount % 100 !== 0) throw invalid(`Stripe amount ${amount} is not a whole number of rupiah`);
  return amount / 100;
}
