import { testInfra } from '@pasar/testkit';
import { describe, expect, it } from 'vitest';
import { emptyProviderRecord, type Payment } from '../domain/payment';
import { createStripeClient } from './stripe.client';
import { stripeProvider } from './stripe.provider';

/** Against the real stripe-mock (STRIPE_API_BASE / testkit), which validates every request on Stripe's OpenAPI spec. */
describe('Stripe Checkout on stripe-mock', () => {
  const stripe = createStripeClient({ secretKey: 'sk_test_123', apiBase: testInfra().stripeApiBase });
  const provider = stripeProvider({ stripe, finishUrl: (id) => `http://shop.test/pesanan/${id}` });
  const payment: Payment = {
    paymentId: 'pay_stripeprovidertest0001',
    orderId: 'ord_01JD0000000000000000000000',
    attempt: 1,
    cooperativeId: 'karangbesuki',
    provider: 'stripe',
    paymentMethod: 'card',
    amount: 35_000,
    captured: 0,
    refunded: 0,
    status: 'OPENING',
    expiresAt: new Date(Date.now() + 30 * 60_000),
    createdAt: new Date(),
    updatedAt: new Date(),
    voidReason: null,
    failureReason: null,
    providerRecord: emptyProviderRecord(),
    refund: null,
    orderState: 'awaiting',
    correlationId: 'c',
  };

  it('opens a hosted Checkout session in IDR × 100 (a request stripe-mock validates)', async () => {
    const session = await provider.openSession({
      payment,
      ref: `${payment.orderId}-1-1`,
      items: [
        { id: 'p1', name: 'Keripik Tempe', unitPrice: 15_000, quantity: 2 },
        { id: 'delivery', name: 'Ongkos kirim', unitPrice: 5_000, quantity: 1 },
      ],
    });
    expect(session.ref).toMatch(/^cs_/);
    expect(session.redirectUrl).toMatch(/^https?:\/\//);
  });

  it('refunds a captured card payment with its idempotency key', async () => {
    const paid = {
      ...payment,
      status: 'REFUND_PENDING' as const,
      providerRecord: { ...emptyProviderRecord(), ref: 'cs_test_1', transactionId: 'pi_123' },
    };
    const refund = {
      key: `${payment.paymentId}-refund`,
      amount: 35_000,
      reason: 'order_cancelled' as const,
      providerRefundId: null,
      doneBy: null,
      note: null,
      requestedAt: new Date(),
      doneAt: null,
    };
    const result = await provider.refund(paid, refund);
    expect(result).toMatchObject({ providerRefundId: expect.stringMatching(/^re_/) });
  });

  it('surfaces a request the Stripe API refuses as a Stripe error', async () => {
    // stripe-mock validates against Stripe's OpenAPI spec: `mode` is an enum.
    await expect(stripe.checkout.sessions.create({ mode: 'barter' } as never)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
    });
  });
});
