import type Stripe from 'stripe';
import { rupiahToStripeAmount, stripeAmountToRupiah } from '../domain/money';
import type { Payment, Refund } from '../domain/payment';
import type { OpenSessionInput, PaymentProvider, ProviderTruth } from '../use-cases/ports';

export interface StripeOptions {
  stripe: Stripe;
  /** `${storefront}/pesanan/<orderId>`: where Checkout sends the shopper back. */
  finishUrl: (orderId: string) => string;
  /**
   * Outside production the hosted page is our "simulate payment" page (stripe-mock has no Checkout
   * page and sends no webhooks); in production it is the session's own Stripe URL.
   */
  devCheckoutUrl?: (paymentId: string) => string;
}

function intentId(session: Stripe.Checkout.Session): string | null {
  const pi = session.payment_intent;
  return typeof pi === 'string' ? pi : (pi?.id ?? null);
}

/**
 * Cards through hosted Stripe Checkout only (PCI SAQ-A: card data never reaches our servers or
 * pages). IDR is a two-decimal currency for Stripe: rupiah × 100 out, ÷ 100 back, exactly.
 * Every call carries an idempotency key derived from the payment, so a retry never doubles it.
 */
export function stripeProvider(opts: StripeOptions): PaymentProvider {
  const { stripe } = opts;
  return {
    name: 'stripe',
    async openSession({ payment, ref, items }: OpenSessionInput) {
      const back = opts.finishUrl(payment.orderId);
      const session = await stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: items.map((i) => ({
            quantity: i.quantity,
            price_data: {
              currency: 'idr',
              unit_amount: rupiahToStripeAmount(i.unitPrice),
              product_data: { name: i.name },
            },
          })),
          payment_method_types: ['card'],
          client_reference_id: payment.paymentId,
          metadata: {
            paymentId: payment.paymentId,
            orderId: payment.orderId,
            cooperativeId: payment.cooperativeId,
          },
          success_url: back,
          cancel_url: back,
          // Stripe allows 30 minutes to 24 hours; the order's own deadline still expires it earlier.
          expires_at: Math.floor(Math.max(payment.expiresAt.getTime(), Date.now() + 31 * 60_000) / 1000),
        },
        { idempotencyKey: `${ref}-open` },
      );
      const url = opts.devCheckoutUrl?.(payment.paymentId) ?? session.url;
      if (!url) throw new Error('Stripe returned a Checkout session without a URL');
      return { ref: session.id, redirectUrl: url };
    },
    async status(payment: Payment): Promise<ProviderTruth | null> {
      if (!payment.providerRecord.ref) return null;
      const session = await stripe.checkout.sessions.retrieve(payment.providerRecord.ref);
      const status =
        session.payment_status === 'paid' ? 'paid' : session.status === 'expired' ? 'expired' : 'open';
      let amount: number | null = null;
      try {
        amount = session.amount_total === null ? null : stripeAmountToRupiah(session.amount_total);
      } catch {
        amount = null;
      }
      return {
        status,
        fraudStatus: null,
        amount,
        transactionId: intentId(session),
        paymentType: 'card',
        vaNumber: null,
        refundedAmount: 0,
        refundCount: 0,
      };
    },
    async expire(payment: Payment) {
      if (!payment.providerRecord.ref) return 'not-open';
      try {
        await stripe.checkout.sessions.expire(
          payment.providerRecord.ref,
          {},
          { idempotencyKey: `${payment.paymentId}-expire` },
        );
        return 'expired';
      } catch (err) {
        if (
          (err as { code?: string }).code === 'checkout_session_expire_not_open' ||
          (err as { statusCode?: number }).statusCode === 400
        )
          return 'not-open';
        throw err;
      }
    },
    async refund(payment: Payment, refund: Refund) {
      const intent = payment.providerRecord.transactionId;
      if (!intent) return 'not-supported';
      const res = await stripe.refunds.create(
        {
          payment_intent: intent,
          amount: rupiahToStripeAmount(refund.amount),
          metadata: { paymentId: payment.paymentId, reason: refund.reason },
        },
        { idempotencyKey: refund.key },
      );
      return { providerRefundId: res.id };
    },
  };
}
