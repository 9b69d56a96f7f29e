import Stripe from 'stripe';
import { rupiahToStripeAmount, stripeAmountToRupiah } from '../domain/money';

export interface StripeClientOptions {
  secretKey: string;
  /** e.g. http://127.0.0.1:12111 (stripe-mock) or https://api.stripe.com */
  apiBase: string;
}

/** A stripe-node client pointed at STRIPE_API_BASE (host, port and protocol taken from the URL). */
export function createStripeClient(opts: StripeClientOptions): Stripe {
  const url = new URL(opts.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(opts.secretKey, {
    host: url.hostname,
    port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443,
    protocol,
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    appInfo: { name: 'pasar-payments' },
  });
}

export interface CardIntent {
  intentId: string;
  clientSecret: string | null;
  /** Whole rupiah, converted back from Stripe's two-decimal IDR amount. */
  amount: number;
  currency: string;
}

/**
 * Opens a card PaymentIntent in IDR for a payment attempt. The paymentId is the idempotency key,
 * so a retried call never creates a second intent. Card data never touches our servers: the
 * browser confirms the intent with the client secret.
 */
export async function createCardPaymentIntent(
  stripe: Stripe,
  input: { paymentId: string; orderId: string; cooperativeId: string; amount: number },
): Promise<CardIntent> {
  const intent = await stripe.paymentIntents.create(
    {
      amount: rupiahToStripeAmount(input.amount),
      currency: 'idr',
      payment_method_types: ['card'],
      metadata: { paymentId: input.paymentId, orderId: input.orderId, cooperativeId: input.cooperativeId },
    },
    { idempotencyKey: input.paymentId },
  );
  return {
    intentId: intent.id,
    clientSecret: intent.client_secret,
    amount: stripeAmountToRupiah(intent.amount),
    currency: intent.currency,
  };
}
