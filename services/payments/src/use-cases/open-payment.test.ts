import { PaymentSessionOpened } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { fakeApp, paymentRequest } from '../testing/fakes';
import { endPayment } from './end-payment';
import { openPayment } from './open-payment';

describe('openPayment', () => {
  it('opens a cash payment with PaymentSessionOpened caused by the request', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = paymentRequest({ paymentMethod: 'cash' });

    const payment = await openPayment(deps, data, cause);

    expect(payment).toMatchObject({ status: 'PENDING_COLLECTION', provider: 'cash', amount: 35_000 });
    // Derived from the order and attempt, so lookups by order are lookups by _id (domain/payment-id.ts).
    expect(payment?.paymentId).toBe(`pay_${payment?.orderId.slice(4)}x1`);
    const opened = PaymentSessionOpened.envelope.parse(payments.events[0]);
    expect(opened.data).toEqual({
      orderId: data.orderId,
      paymentId: payment?.paymentId,
      provider: 'cash',
      paymentMethod: 'cash',
      amount: 35_000,
      redirectUrl: null,
    });
    expect(opened).toMatchObject({
      subject: data.orderId,
      causationid: cause.id,
      correlationid: cause.correlationid,
    });
  });

  it('opens a Snap session for QRIS with the order items, and publishes its page', async () => {
    const { deps, payments, midtrans } = fakeApp();
    const { cause, data } = paymentRequest();

    const payment = await openPayment(deps, data, cause);

    expect(payment).toMatchObject({ status: 'AWAITING_PAYMENT', provider: 'midtrans' });
    expect(midtrans.opened).toHaveLength(1);
    expect(midtrans.opened[0]?.ref).toBe(`${data.orderId}-1-1`);
    const items = midtrans.opened[0]?.items ?? [];
    expect(items.reduce((s, i) => s + i.unitPrice * i.quantity, 0)).toBe(35_000);
    const opened = PaymentSessionOpened.envelope.parse(payments.events.at(-1));
    expect(opened.data.redirectUrl).toBe(`https://sandbox.test/snap/v4/redirection/${data.orderId}-1-1`);
    expect(opened.correlationid).toBe(cause.correlationid);
  });

  it('is a no-op for a second request of the same order', async () => {
    const { deps, payments, midtrans } = fakeApp();
    const { cause, data } = paymentRequest();
    await openPayment(deps, data, cause);
    expect(await openPayment(deps, data, cause)).toBeNull();
    expect(payments.rows).toHaveLength(1);
    expect(midtrans.opened).toHaveLength(1);
    expect(payments.types().filter((t) => t === PaymentSessionOpened.type)).toHaveLength(1);
  });

  it('opens the session again, with a new reference, when a crash left the attempt OPENING', async () => {
    const { deps, payments, midtrans } = fakeApp();
    const { cause, data } = paymentRequest();
    const open = midtrans.openSession.bind(midtrans);
    midtrans.openSession = async () => {
      throw new Error('connection reset');
    };
    await expect(openPayment(deps, data, cause)).rejects.toThrow('connection reset');
    expect(payments.rows[0]?.status).toBe('OPENING');

    midtrans.openSession = open;
    const reopened = await openPayment(deps, data, cause);
    expect(reopened).toMatchObject({ status: 'AWAITING_PAYMENT' });
    expect(reopened?.providerRecord.refs).toEqual([`${data.orderId}-1-1`, `${data.orderId}-1-2`]);
  });

  it('voids a pending cash payment once when the order is cancelled, then does nothing', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = paymentRequest({ paymentMethod: 'cash' });
    await openPayment(deps, data, cause);
    await endPayment(deps, data.orderId, { kind: 'cancelled', by: 'shopper' });
    await endPayment(deps, data.orderId, { kind: 'cancelled', by: 'shopper' });
    expect(payments.rows[0]).toMatchObject({ status: 'VOIDED', voidReason: 'cancelled by shopper' });
  });
});
