import { OrderCancelled, OrderConfirmed, PaymentRefunded, PaymentSucceeded } from '@pasar/contracts';
import { waitFor } from '@pasar/testkit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  getOrder,
  productStock,
  registerCooperative,
  staffAuth,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';
import {
  checkoutCompleted,
  midtransAmount,
  midtransNotification,
  midtransRef,
  midtransStatus,
  paymentEvents,
  paymentOf,
  payOnSandbox,
  placeOnlineOrder,
  postMidtransNotification,
  postStripeEvent,
  sandbox,
  sandboxTransaction,
} from '../lib/payments';

// Issue 8 across the four real services, the real broker and FerretDB, our Midtrans sandbox and
// stripe-mock: an order paid online becomes PAID, an unpaid one EXPIRED, money that must go back
// goes back once, and what providers say is believed only when it can be verified.
const EXPIRY_SECONDS = 10;
let m: TestMarket;
let events: Awaited<ReturnType<typeof paymentEvents>>;
let paymentsDb: mongoose.Connection;
const coop = `pay${Date.now().toString(36)}`;

beforeAll(async () => {
  m = await startTestMarket({
    orders: { ORDER_EXPIRY_SECONDS: String(EXPIRY_SECONDS), ORDER_SWEEP_INTERVAL_MS: '500' },
    payments: { PAYMENTS_SWEEP_INTERVAL_MS: '1000' },
  });
  await registerCooperative(m, coop);
  events = await paymentEvents(m);
  paymentsDb = await mongoose.createConnection(m.mongoUrls.payments).asPromise();
});

afterAll(async () => {
  await paymentsDb?.close();
  await events?.stop();
  await m?.stop();
});

const paymentDoc = (orderId: string) => paymentsDb.collection('payments').findOne({ orderId });

/** What may not move when a webhook is refused: the order, its payment, and the events about it. */
async function snapshot(orderId: string, token: string) {
  const order = (await getOrder(m, orderId, token)).body;
  const payment = await paymentDoc(orderId);
  return {
    order: { status: order.status, timeline: order.timeline.length, refund: order.refund },
    payment: { status: payment?.status, captured: payment?.captured, refunded: payment?.refunded },
    events: events.reader.records.filter((r) => r.key === orderId).length,
  };
}

describe('online payments', () => {
  it('(a) a QRIS order paid on the sandbox becomes PAID and its stock is committed in catalog', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 15_000, stock: 10, quantity: 2 });
    expect(o.order.payment).toMatchObject({ provider: 'midtrans' });
    expect(o.order.payment.redirectUrl).toContain('/snap/v4/redirection/');
    expect(await productStock(m, o.productId)).toEqual({ available: 8, reserved: 2 });

    await payOnSandbox(midtransRef(o.orderId), 'qris');

    const paid = await waitForOrderStatus(m, o.orderId, o.token, ['PAID']);
    expect(paid.total).toBe(30_000);
    expect(paid.pickupCode).toMatch(/^[A-Z0-9]{6}$/);
    await waitFor(
      async () => {
        const s = await productStock(m, o.productId);
        return s.available === 8 && s.reserved === 0;
      },
      { what: 'stock committed as sold' },
    );
    expect(await paymentOf(m, coop, o.orderId)).toMatchObject({
      status: 'PAID',
      captured: 30_000,
      paymentMethod: 'qris',
    });
    expect(events.distinct(PaymentSucceeded.type, o.orderId)).toBe(1);
  });

  it('(b) a bank VA order left unpaid expires at its deadline: stock released, the sandbox transaction expired', async () => {
    const o = await placeOnlineOrder(m, coop, 'bank_transfer', { stock: 10, quantity: 3 });
    const ref = midtransRef(o.orderId);
    await sandbox(`/transactions/${ref}/choose`, { payment_type: 'bank_transfer', bank: 'bca' });
    expect((await sandboxTransaction(ref)).status).toBe('pending');
    expect(await productStock(m, o.productId)).toEqual({ available: 7, reserved: 3 });

    const expired = await waitForOrderStatus(m, o.orderId, o.token, ['EXPIRED', 'PAID', 'CANCELLED'], 40_000);

    expect(expired.status).toBe('EXPIRED');
    expect(new Date(expired.timeline.at(-1).at).getTime()).toBeGreaterThanOrEqual(
      new Date(o.order.payment.deadline).getTime(),
    );
    await waitFor(
      async () => {
        const s = await productStock(m, o.productId);
        return s.available === 10 && s.reserved === 0;
      },
      { what: 'stock released' },
    );
    await waitFor(async () => (await midtransStatus(ref)).transaction_status === 'expire', {
      what: 'the sandbox transaction expired',
    });
    expect(await paymentOf(m, coop, o.orderId, ['VOIDED'])).toMatchObject({ captured: 0, refunded: 0 });
  });

  it('(c) a card order paid by a signed Stripe webhook becomes PAID; an event with another amount is ignored', async () => {
    const o = await placeOnlineOrder(m, coop, 'card', { price: 20_000, quantity: 1 });
    expect(o.order.payment).toMatchObject({ provider: 'stripe' });
    const doc = await paymentDoc(o.orderId);
    const session = { id: doc?.providerRecord.ref as string, paymentId: doc?._id as unknown as string };
    expect(session.id).toMatch(/^cs_/);

    // Not the order's amount (Rp 20.000 is 2_000_000 in Stripe's minor units): refused while unpaid…
    const before = await snapshot(o.orderId, o.token);
    const wrong = await postStripeEvent(m, checkoutCompleted(session, 20_000));
    expect(wrong.status).toBe(200);
    expect(wrong.body).toMatchObject({ outcome: 'ignored' });
    expect(await snapshot(o.orderId, o.token)).toEqual(before);

    const right = await postStripeEvent(m, checkoutCompleted(session, 2_000_000));
    expect(right).toMatchObject({ status: 200, body: { outcome: 'applied' } });
    await waitForOrderStatus(m, o.orderId, o.token, ['PAID']);
    await waitFor(() => events.distinct(PaymentSucceeded.type, o.orderId) === 1, {
      what: 'PaymentSucceeded',
    });
    await waitFor(() => events.distinct(OrderConfirmed.type, o.orderId) === 1, { what: 'OrderConfirmed' });

    // … and after: a second completion with another amount changes nothing either.
    const paid = await snapshot(o.orderId, o.token);
    const again = await postStripeEvent(m, checkoutCompleted(session, 1_999_900));
    expect(again).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    expect(await snapshot(o.orderId, o.token)).toEqual(paid);
    expect(await paymentOf(m, coop, o.orderId)).toMatchObject({ status: 'PAID', captured: 20_000 });
  });

  it('(d) refuses forged, wrong, unknown, contradicted and replayed Midtrans notifications and bad Stripe signatures, changing nothing', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 12_500, quantity: 2 });
    const ref = midtransRef(o.orderId);
    const chosen = await sandbox(`/transactions/${ref}/choose`, { payment_type: 'qris' });
    await waitFor(
      async () => (await sandboxTransaction(ref)).notifications?.every((n: any) => n.status === 'delivered'),
      {
        what: 'the pending notification delivered',
      },
    );
    const pendingStatus = await midtransStatus(ref);
    expect(pendingStatus.transaction_status).toBe('pending');
    const amount = midtransAmount(25_000);
    const tx = { order_id: ref, transaction_id: pendingStatus.transaction_id, payment_type: 'qris' };
    const pending = midtransNotification({
      ...tx,
      transaction_status: 'pending',
      status_code: '201',
      gross_amount: amount,
    });
    const before = await snapshot(o.orderId, o.token);
    expect(before.order.status).toBe('AWAITING_PAYMENT');
    expect(chosen).toBeTruthy();

    const settlement = { ...tx, transaction_status: 'settlement', status_code: '200' };
    const forged = await postMidtransNotification(
      m,
      midtransNotification({ ...settlement, gross_amount: amount, signature_key: 'ab'.repeat(64) }),
    );
    expect(forged.status).toBe(401);
    // Correctly signed (so by the key holder) but for Rp 2.500 instead of Rp 25.000.
    const { transaction_id: _, ...noTxId } = settlement;
    const wrongAmount = await postMidtransNotification(
      m,
      midtransNotification({ ...noTxId, gross_amount: midtransAmount(2_500) }),
    );
    expect(wrongAmount).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    expect(wrongAmount.body.reason).toMatch(/gross_amount/);
    const unknown = await postMidtransNotification(
      m,
      midtransNotification({ ...settlement, order_id: `ord_nope${Date.now()}-1-1`, gross_amount: amount }),
    );
    expect(unknown.status).toBe(404);
    // Correctly signed, right amount, claims the money was captured; the status API says pending and wins.
    // (A settlement claim with the real transaction id is test (d2): it blocks the real settlement.)
    const contradicted = await postMidtransNotification(
      m,
      midtransNotification({
        ...tx,
        transaction_status: 'capture',
        status_code: '200',
        gross_amount: amount,
      }),
    );
    expect(contradicted).toMatchObject({ status: 200, body: { outcome: 'ignored' } });
    expect(contradicted.body.reason).toMatch(/pending/);
    expect(await snapshot(o.orderId, o.token)).toEqual(before);

    // Paid for real; then the old pending notification is replayed.
    await sandbox(`/transactions/${ref}/pay`);
    await waitForOrderStatus(m, o.orderId, o.token, ['PAID']);
    await waitFor(() => events.distinct(PaymentSucceeded.type, o.orderId) === 1, {
      what: 'PaymentSucceeded',
    });
    await waitFor(() => events.distinct(OrderConfirmed.type, o.orderId) === 1, { what: 'OrderConfirmed' });
    const paid = await snapshot(o.orderId, o.token);
    const replay = await postMidtransNotification(m, pending);
    expect(replay.status).toBe(200);
    expect(['duplicate', 'unchanged', 'ignored']).toContain(replay.body.outcome);
    expect(await snapshot(o.orderId, o.token)).toEqual(paid);
    expect(paid.payment).toMatchObject({ status: 'PAID', captured: 25_000 });

    // Stripe: a card order, and events signed with another secret or five minutes and more ago.
    const card = await placeOnlineOrder(m, coop, 'card', { price: 9_000, quantity: 1 });
    const doc = await paymentDoc(card.orderId);
    const session = { id: doc?.providerRecord.ref as string, paymentId: doc?._id as unknown as string };
    const cardBefore = await snapshot(card.orderId, card.token);
    const badSig = await postStripeEvent(m, checkoutCompleted(session, 900_000), {
      secret: 'whsec_somebody_else_entirely',
    });
    expect(badSig.status).toBe(401);
    const stale = await postStripeEvent(m, checkoutCompleted(session, 900_000), {
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(stale.status).toBe(401);
    const noHeader = await api(`${m.urls.payments}/webhooks/stripe`, {
      body: checkoutCompleted(session, 900_000),
    });
    expect(noHeader.status).toBe(401);
    expect(await snapshot(card.orderId, card.token)).toEqual(cardBefore);
    expect(cardBefore.order.status).toBe('AWAITING_PAYMENT');
  });

  it('(d2) a settlement notification refused while the status API still said pending does not block the real one', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 13_000, quantity: 1 });
    const ref = midtransRef(o.orderId);
    await sandbox(`/transactions/${ref}/choose`, { payment_type: 'qris' });
    const { transaction_id } = await midtransStatus(ref);
    const early = await postMidtransNotification(
      m,
      midtransNotification({
        order_id: ref,
        transaction_id,
        payment_type: 'qris',
        transaction_status: 'settlement',
        status_code: '200',
        gross_amount: midtransAmount(13_000),
      }),
    );
    expect(early).toMatchObject({ status: 200, body: { outcome: 'ignored' } });

    // Now the shopper really pays: the sandbox's own settlement notification (same order, transaction, status).
    await sandbox(`/transactions/${ref}/pay`);

    const after = await waitForOrderStatus(m, o.orderId, o.token, ['PAID', 'EXPIRED'], 40_000);
    expect(after.status).toBe('PAID');
  });

  it('(e) two cancellations of a paid order at once make exactly one refund at the sandbox and one PaymentRefunded', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 17_000, quantity: 1 });
    const ref = midtransRef(o.orderId);
    await payOnSandbox(ref, 'qris');
    await waitForOrderStatus(m, o.orderId, o.token, ['PAID']);

    const cancel = () =>
      api(`${m.urls.orders}/orders/${o.orderId}/cancel`, { headers: { 'x-order-token': o.token }, body: {} });
    const answers = await Promise.all([cancel(), cancel()]);

    expect(answers.map((a) => a.status)).toContain(200);
    for (const a of answers) expect([200, 409]).toContain(a.status);
    await waitFor(() => events.distinct(PaymentRefunded.type, o.orderId) >= 1, { what: 'PaymentRefunded' });
    const order = await waitFor(
      async () => {
        const v = (await getOrder(m, o.orderId, o.token)).body;
        return v.refund?.status === 'refunded' ? v : undefined;
      },
      { what: 'the order to show its refund' },
    );
    expect(order).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'shopper',
      refund: { status: 'refunded', amount: 17_000, via: 'provider', reason: 'order_cancelled' },
    });
    // One cancellation (the refund's steps are notes on the CANCELLED status) and one OrderCancelled.
    expect(
      order.timeline.filter((t: { status: string; note?: string }) => t.status === 'CANCELLED' && !t.note),
    ).toHaveLength(1);
    expect(events.distinct(OrderCancelled.type, o.orderId)).toBe(1);
    const status = await midtransStatus(ref);
    expect(status.transaction_status).toBe('refund');
    expect(status.refunds).toHaveLength(1);
    expect(events.distinct(PaymentRefunded.type, o.orderId)).toBe(1);
    expect(await paymentOf(m, coop, o.orderId)).toMatchObject({ status: 'REFUNDED', refunded: 17_000 });
  });

  it('(f) money that arrives after the order expired is refunded automatically, never kept', async () => {
    const o = await placeOnlineOrder(m, coop, 'qris', { price: 11_000, quantity: 1 });
    const ref = midtransRef(o.orderId);
    // The sandbox refuses paying an expired transaction, so the race as it happens for real: the
    // shopper pays just in time, the notification is slow and lands after the order's deadline.
    const delayMs = EXPIRY_SECONDS * 1000 + 4_000;
    await sandbox(`/transactions/${ref}/choose`, { payment_type: 'qris' });
    await sandbox(`/transactions/${ref}/pay`, { delayMs });
    expect((await midtransStatus(ref)).transaction_status).toBe('settlement');

    const expired = await waitForOrderStatus(m, o.orderId, o.token, ['EXPIRED', 'PAID'], 40_000);
    expect(expired.status).toBe('EXPIRED');
    const refunded = await waitFor(
      async () => {
        const v = (await getOrder(m, o.orderId, o.token)).body;
        return v.refund?.status === 'refunded' ? v : undefined;
      },
      { what: 'the late payment refunded', timeoutMs: 60_000 },
    );
    expect(refunded.refund).toMatchObject({ amount: 11_000, reason: 'paid_after_expiry', via: 'provider' });
    // The delayed notification arrives after all this; it must not revive the order.
    await waitFor(
      async () =>
        (await sandboxTransaction(ref)).notifications?.some(
          (n: any) => n.transaction_status === 'settlement' && n.status === 'delivered',
        ),
      { what: 'the late settlement notification delivered', timeoutMs: 60_000 },
    );
    const after = (await getOrder(m, o.orderId, o.token)).body;
    expect(after.status).toBe('EXPIRED');
    expect(after.timeline.map((t: { status: string }) => t.status)).not.toContain('PAID');
    const status = await midtransStatus(ref);
    expect(status.refunds).toHaveLength(1);
    expect(await paymentOf(m, coop, o.orderId)).toMatchObject({
      status: 'REFUNDED',
      refunded: 11_000,
      refund: { reason: 'paid_after_expiry' },
    });
    expect(events.distinct(PaymentRefunded.type, o.orderId)).toBe(1);
  });

  it('(g) reconciliation: a clean day has no mismatches; planted ones are each listed by kind', async () => {
    const rc = `rec${Date.now().toString(36)}`;
    await registerCooperative(m, rc);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const reconcile = async () => {
      const res = await api<any>(
        `${m.urls.payments}/cooperatives/${rc}/reconciliation?from=${yesterday}&to=${today}`,
        { headers: await staffAuth(m, rc, 'payments') },
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    // A clean day: one paid order, one paid and cancelled (refunded), one left awaiting payment.
    const paid = await placeOnlineOrder(m, rc, 'qris', { price: 10_000, quantity: 1 });
    await payOnSandbox(midtransRef(paid.orderId));
    await waitForOrderStatus(m, paid.orderId, paid.token, ['PAID']);
    const cancelled = await placeOnlineOrder(m, rc, 'gopay', { price: 10_000, quantity: 2 });
    await payOnSandbox(midtransRef(cancelled.orderId), 'gopay');
    await waitForOrderStatus(m, cancelled.orderId, cancelled.token, ['PAID']);
    await api(`${m.urls.orders}/orders/${cancelled.orderId}/cancel`, {
      headers: { 'x-order-token': cancelled.token },
      body: {},
    });
    await paymentOf(m, rc, cancelled.orderId, ['REFUNDED']);
    const clean = await reconcile();
    expect(clean).toMatchObject({ cooperativeId: rc, checked: 2, unreachable: [], mismatches: [] });

    // amount_differs: the provider's record of the paid order now says another amount.
    await sandbox(`/transactions/${midtransRef(paid.orderId)}/tamper`, { gross_amount: 9_000 });
    // paid_but_order_not_paid: paid at the provider, the notification not here yet (held 2 minutes).
    const lost = await placeOnlineOrder(m, rc, 'shopeepay', { price: 10_000, quantity: 3 });
    await sandbox(`/transactions/${midtransRef(lost.orderId)}/choose`, { payment_type: 'shopeepay' });
    await sandbox(`/transactions/${midtransRef(lost.orderId)}/pay`, { delayMs: 120_000 });
    // order_paid_without_settlement: payments' record of the order says paid, the provider pending.
    const unsettled = await placeOnlineOrder(m, rc, 'qris', { price: 10_000, quantity: 4 });
    await sandbox(`/transactions/${midtransRef(unsettled.orderId)}/choose`, { payment_type: 'qris' });
    await paymentsDb
      .collection('payments')
      .updateOne({ orderId: unsettled.orderId }, { $set: { orderState: 'paid' } });
    // refund_not_at_provider: we record a provider refund the provider never made.
    const ghost = await placeOnlineOrder(m, rc, 'qris', { price: 10_000, quantity: 5 });
    await payOnSandbox(midtransRef(ghost.orderId));
    await paymentOf(m, rc, ghost.orderId, ['PAID']);
    // Let payments hear the order's OrderConfirmed first, or it would overwrite the planted orderState.
    await waitFor(
      async () =>
        (await paymentsDb.collection('payments').findOne({ orderId: ghost.orderId }))?.orderState === 'paid',
      { what: 'payments saw the ghost order paid' },
    );
    await paymentsDb.collection('payments').updateOne(
      { orderId: ghost.orderId },
      {
        $set: {
          status: 'REFUNDED',
          refunded: 50_000,
          orderState: 'cancelled',
          refund: {
            amount: 50_000,
            reason: 'order_cancelled',
            note: null,
            requestedAt: new Date(),
            doneAt: new Date(),
          },
        },
      },
    );

    const report = await reconcile();
    const kinds = (orderId: string) =>
      report.mismatches
        .filter((x: { orderId: string }) => x.orderId === orderId)
        .map((x: { kind: string }) => x.kind);
    expect(report.checked).toBe(5);
    expect(kinds(paid.orderId)).toEqual(['amount_differs']);
    expect(kinds(lost.orderId)).toEqual(['paid_but_order_not_paid']);
    expect(kinds(unsettled.orderId)).toEqual(['order_paid_without_settlement']);
    // The order is cancelled and no refund reached the shopper: both kinds are true of it.
    expect(kinds(ghost.orderId).sort()).toEqual(['not_refunded', 'refund_not_at_provider']);
    expect(kinds(cancelled.orderId)).toEqual([]);
  });
});
