import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  fakeApp,
  json,
  paymentRequest,
  TEST_MIDTRANS_KEY,
  TEST_STRIPE_WEBHOOK_SECRET,
} from '../testing/fakes';
import { openPayment } from '../use-cases/open-payment';
import { midtransSignature } from '../use-cases/receive-midtrans-notification';

/** An order paying Rp 35.000 by QRIS, its Snap session open; `ref` is its Midtrans order_id. */
async function qrisOrder() {
  const ctx = fakeApp();
  const { cause, data } = paymentRequest();
  const payment = await openPayment(ctx.deps, data, cause);
  const ref = payment?.providerRecord.ref ?? '';
  return { ...ctx, payment, ref, orderId: data.orderId };
}

function notification(ref: string, status: string, over: Record<string, string> = {}) {
  const codes: Record<string, string> = { settlement: '200', pending: '201', expire: '407', deny: '202' };
  const body = {
    order_id: ref,
    status_code: codes[status] ?? '200',
    gross_amount: '35000.00',
    transaction_status: status,
    transaction_id: `tx_${ref}`,
    fraud_status: 'accept',
    payment_type: 'qris',
    ...over,
  };
  return { ...body, signature_key: over.signature_key ?? midtransSignature(body, TEST_MIDTRANS_KEY) };
}

const post = (app: ReturnType<typeof fakeApp>['app'], body: unknown) =>
  app.request('/webhooks/midtrans', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('POST /webhooks/midtrans', () => {
  it('acts on a signed notification only once the status API agrees: PAID, one PaymentSucceeded', async () => {
    const { app, midtrans, payments, ref, orderId } = await qrisOrder();
    midtrans.set(ref, { status: 'settlement', amount: 35_000 });

    const res = await post(app, notification(ref, 'settlement'));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ outcome: 'applied' });
    expect(payments.rows[0]).toMatchObject({ status: 'PAID', captured: 35_000 });

    // The same notification again (Midtrans resends until it sees a 2xx): a duplicate, nothing more.
    expect(await json(await post(app, notification(ref, 'settlement')))).toEqual({ outcome: 'duplicate' });
    expect(payments.types(orderId).filter((t) => t.endsWith('payment.succeeded'))).toHaveLength(1);
  });

  it('rejects a forged signature with 401 and changes nothing', async () => {
    const { app, midtrans, payments, ref } = await qrisOrder();
    midtrans.set(ref, { status: 'settlement', amount: 35_000 });
    const forged = notification(ref, 'settlement', { signature_key: 'ab'.repeat(64) });
    const res = await post(app, forged);
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('WEBHOOK.BAD_SIGNATURE');
    // Signed with another key (e.g. a stolen client key or another merchant's): the same.
    const otherKey = { ...forged, signature_key: midtransSignature(forged, 'SB-Mid-server-someone-else') };
    expect((await post(app, otherKey)).status).toBe(401);
    expect(payments.rows[0]?.status).toBe('AWAITING_PAYMENT');
  });

  it('ignores a notification whose amount is not the order total, even if the status API says the same', async () => {
    const { app, midtrans, payments, ref } = await qrisOrder();
    midtrans.set(ref, { status: 'settlement', amount: 1_000 });
    const res = await post(app, notification(ref, 'settlement', { gross_amount: '1000.00' }));
    expect(await json(res)).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringContaining('gross_amount'),
    });
    // Notification right, status API wrong amount: still never accepted.
    const res2 = await post(app, notification(ref, 'settlement', { transaction_id: 'tx_other' }));
    expect(await json(res2)).toMatchObject({ outcome: 'ignored' });
    expect(payments.rows[0]?.status).toBe('AWAITING_PAYMENT');
  });

  it('answers 404 for an order_id no payment uses, changing nothing', async () => {
    const { app, payments } = await qrisOrder();
    const res = await post(app, notification('ord_unknown-1-1', 'settlement'));
    expect(res.status).toBe(404);
    expect(payments.rows[0]?.status).toBe('AWAITING_PAYMENT');
  });

  it('ignores a notification the status API contradicts (it says pending, the notification settlement)', async () => {
    const { app, midtrans, payments, ref } = await qrisOrder();
    midtrans.set(ref, { status: 'pending', amount: 35_000 });
    const res = await post(app, notification(ref, 'settlement'));
    expect(await json(res)).toMatchObject({
      outcome: 'ignored',
      reason: expect.stringContaining('says pending'),
    });
    expect(payments.rows[0]?.status).toBe('AWAITING_PAYMENT');
  });

  it('judges an early settlement claim again when it comes back after the shopper really paid', async () => {
    const { app, midtrans, payments, ref } = await qrisOrder();
    midtrans.set(ref, { status: 'pending', amount: 35_000 });
    const early = notification(ref, 'settlement');
    expect(await json(await post(app, early))).toMatchObject({ outcome: 'ignored' });
    // The same (order, transaction, status) once the money is really there: not a duplicate.
    midtrans.set(ref, { status: 'settlement', amount: 35_000 });
    expect(await json(await post(app, early))).toEqual({ outcome: 'applied' });
    expect(payments.rows[0]?.status).toBe('PAID');
  });

  it('ignores a replay of an old notification after the payment settled', async () => {
    const { app, midtrans, payments, ref } = await qrisOrder();
    midtrans.set(ref, { status: 'pending', amount: 35_000 });
    const pending = notification(ref, 'pending');
    expect(await json(await post(app, pending))).toEqual({ outcome: 'unchanged' });
    midtrans.set(ref, { status: 'settlement', amount: 35_000 });
    await post(app, notification(ref, 'settlement'));
    // A pending notification arriving late (out of order), or resent by an attacker: stale.
    const replayed = await json(await post(app, { ...pending, transaction_id: `tx_${ref}_again` }));
    expect(replayed).toMatchObject({ outcome: 'ignored' });
    expect(payments.rows[0]?.status).toBe('PAID');
  });

  it('answers 400 naming the field for a malformed notification', async () => {
    const { app } = await qrisOrder();
    const res = await post(app, { order_id: 'x', transaction_status: 'paid-ish' });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(JSON.stringify(body.details)).toContain('transaction_status');
  });

  it('refunds a payment that arrives after the order expired, never keeping it', async () => {
    const { app, deps, midtrans, payments, ref, orderId } = await qrisOrder();
    const { endPayment } = await import('../use-cases/end-payment');
    // The shopper paid just as the order expired: expiring at Midtrans finds it settled.
    midtrans.set(ref, { status: 'settlement', amount: 35_000 });
    await endPayment(deps, orderId, { kind: 'expired' });
    expect(payments.rows[0]).toMatchObject({ status: 'REFUNDED', refund: { reason: 'paid_after_expiry' } });
    expect(midtrans.refunds.size).toBe(1);
    // Its notification arrives afterwards: nothing more happens.
    expect((await post(app, notification(ref, 'settlement'))).status).toBe(200);
    expect(midtrans.refunds.size).toBe(1);
    expect(payments.types(orderId).filter((t) => t.endsWith('payment.succeeded'))).toHaveLength(0);
  });
});

describe('POST /webhooks/stripe', () => {
  const stripe = new Stripe('sk_test_123');
  const event = (over: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: 'cs_1',
          object: 'checkout.session',
          amount_total: 3_500_000,
          payment_status: 'paid',
          metadata: { paymentId: 'pay_x' },
        },
      },
      ...over,
    });
  const send = (app: ReturnType<typeof fakeApp>['app'], payload: string, signature: string) =>
    app.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    });

  it('rejects a bad signature, a stale timestamp and a missing header with 401', async () => {
    const { app } = fakeApp();
    const payload = event();
    const wrongSecret = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_not_ours' });
    const r1 = await send(app, payload, wrongSecret);
    expect(r1.status).toBe(401);
    expect((await json(r1)).code).toBe('WEBHOOK.BAD_SIGNATURE');
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: TEST_STRIPE_WEBHOOK_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const r2 = await send(app, payload, stale);
    expect(r2.status).toBe(401);
    expect((await json(r2)).message).toMatch(/tolerance/i);
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_STRIPE_WEBHOOK_SECRET });
    // Signed right but tampered afterwards: the signature no longer matches.
    expect((await send(app, payload.replace('3500000', '100'), good)).status).toBe(401);
    expect((await app.request('/webhooks/stripe', { method: 'POST', body: payload })).status).toBe(401);
  });

  it('pays a card order from a signed Checkout event, checking amount_total = rupiah × 100', async () => {
    const { app, deps, payments } = fakeApp();
    const { cause, data } = paymentRequest({ paymentMethod: 'card' });
    // A Stripe attempt whose session is open (the provider adapter is exercised on stripe-mock).
    deps.providers.stripe = {
      ...deps.providers.midtrans!,
      name: 'stripe',
      openSession: async () => ({ ref: 'cs_test_1', redirectUrl: 'http://x' }),
    };
    const payment = await openPayment(deps, data, cause);
    const paymentId = payment?.paymentId ?? '';
    const signed = (payload: string) =>
      stripe.webhooks.generateTestHeaderString({ payload, secret: TEST_STRIPE_WEBHOOK_SECRET });
    const withAmount = (id: string, amount: number) =>
      event({
        id,
        data: {
          object: {
            id: 'cs_test_1',
            object: 'checkout.session',
            amount_total: amount,
            payment_status: 'paid',
            payment_intent: 'pi_1',
            metadata: { paymentId },
          },
        },
      });

    const short = withAmount('evt_short', 35_000); // rupiah sent as if it were cents: Rp 350
    expect(await json(await send(app, short, signed(short)))).toMatchObject({ outcome: 'ignored' });
    expect(payments.rows[0]?.status).toBe('AWAITING_PAYMENT');

    const right = withAmount('evt_right', 3_500_000);
    expect(await json(await send(app, right, signed(right)))).toEqual({ outcome: 'applied' });
    expect(payments.rows[0]).toMatchObject({
      status: 'PAID',
      captured: 35_000,
      providerRecord: { transactionId: 'pi_1' },
    });
    expect(await json(await send(app, right, signed(right)))).toEqual({ outcome: 'duplicate' });
  });
});
