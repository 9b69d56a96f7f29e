import { meaningOf, type MidtransStatus } from '../domain/midtrans-status';
import type { Payment } from '../domain/payment';
import { compare, type Mismatch, type ProviderSide } from '../domain/reconciliation';
import type { PaymentsDeps, ProviderTruth } from './ports';

export interface ReconciliationReport {
  cooperativeId: string | null;
  from: string;
  to: string;
  checked: number;
  /** Online payments whose provider could not be asked (an error); they are listed, not guessed. */
  unreachable: { paymentId: string; orderId: string; error: string }[];
  mismatches: Mismatch[];
}

const MAX_PAYMENTS = 5_000;

function providerSide(p: Payment, truth: ProviderTruth | null): ProviderSide {
  if (!truth)
    return { known: false, captured: false, amount: null, refundedAmount: 0, refundCount: 0, status: null };
  const meaning =
    p.provider === 'midtrans' ? meaningOf(truth.status as MidtransStatus, truth.fraudStatus) : null;
  const captured =
    p.provider === 'midtrans'
      ? meaning === 'providerPaid' || meaning === 'providerRefunded'
      : truth.status === 'paid' || truth.status === 'refunded';
  return {
    known: true,
    captured,
    amount: truth.amount,
    refundedAmount: truth.refundedAmount,
    refundCount: truth.refundCount,
    status: truth.status,
  };
}

/**
 * For a day or a range: every online payment created then is compared with what its provider
 * says (the Midtrans status API, Stripe's Checkout session) and with what we know of its order.
 * Read-only: it lists mismatches for a person to look at, it never "fixes" money by itself.
 */
export async function reconcile(
  deps: PaymentsDeps,
  range: { cooperativeId: string | null; from: Date; to: Date },
): Promise<ReconciliationReport> {
  const payments = (
    await deps.payments.listCreatedBetween(range.cooperativeId, range.from, range.to, MAX_PAYMENTS)
  ).filter((p) => p.provider !== 'cash');
  const report: ReconciliationReport = {
    cooperativeId: range.cooperativeId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    checked: payments.length,
    unreachable: [],
    mismatches: [],
  };
  for (const p of payments) {
    const provider = p.provider === 'cash' ? undefined : deps.providers[p.provider];
    if (!provider) {
      report.unreachable.push({
        paymentId: p.paymentId,
        orderId: p.orderId,
        error: `${p.provider} is not configured`,
      });
      continue;
    }
    try {
      report.mismatches.push(...compare(p, providerSide(p, await provider.status(p))));
    } catch (err) {
      report.unreachable.push({ paymentId: p.paymentId, orderId: p.orderId, error: (err as Error).message });
    }
  }
  return report;
}
