import { testInfra } from '@pasar/testkit';
import { describe, expect, it } from 'vitest';
import { createCardPaymentIntent, createStripeClient } from './stripe.client';

/** Against the real stripe-mock (STRIPE_API_BASE / testkit), which validates every request on Stripe's OpenAPI spec. */
describe('Stripe client on stripe-mock', () => {
  const stripe = createStripeClient({ secretKey: 'sk_test_123', apiBase: testInfra().stripeApiBase });

  it('creates a card PaymentIntent in IDR for rupiah × 100', async () => {
    const intent = await createCardPaymentIntent(stripe, {
      paymentId: 'pay_stripe_int_test_0001',
      orderId: 'ord_01JD0000000000000000000000',
      cooperativeId: 'karangbesuki',
      amount: 30_000,
    });

    expect(intent.intentId).toMatch(/^pi_/);
    expect(intent.currency).toBe('idr');
    expect(intent.amount).toBe(30_000);
    expect(intent.clientSecret).toMatch(/^pi_.+_secret_/);
  });

  it('sends the two-decimal amount on the wire', async () => {
    const raw = await stripe.paymentIntents.create({
      amount: 1_500_000,
      currency: 'idr',
      payment_method_types: ['card'],
    });
    expect(raw).toMatchObject({ amount: 1_500_000, currency: 'idr', object: 'payment_intent' });
  });

  it('surfaces a request the Stripe API refuses as a Stripe error', async () => {
    // stripe-mock validates against Stripe's OpenAPI spec: `currency` is required.
    await expect(stripe.paymentIntents.create({ amount: 100 } as never)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
    });
  });
});
