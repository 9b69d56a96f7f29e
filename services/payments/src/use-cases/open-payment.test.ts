import { OrderPaymentRequested, PaymentSessionOpened } from '@pasar/contracts';
import { sampleEnvelope } from '@pasar/contracts/fixtures';
import { describe, expect, it } from 'vitest';
import { fakeApp } from '../testing/fakes';
import { openPayment } from './open-payment';
import { voidPayment } from './void-payment';

function request(overrides: Record<string, unknown> = {}) {
  const cause = sampleEnvelope(OrderPaymentRequested.type, {
    ...(sampleEnvelope(OrderPaymentRequested.type).data as object),
    ...overrides,
  });
  return { cause, data: OrderPaymentRequested.data.parse(cause.data) };
}

describe('openPayment', () => {
  it('opens a cash payment with PaymentSessionOpened caused by the request', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = request();

    const payment = await openPayment(deps, data, cause);

    expect(payment).toMatchObject({
      status: 'PENDING_COLLECTION',
      provider: 'cash',
      amount: 30_000,
      cooperativeId: 'karangbesuki',
    });
    expect(payment?.paymentId).toMatch(/^pay_[0-9A-Za-z]{22}$/);
    const [event] = payments.events;
    const opened = PaymentSessionOpened.envelope.parse(event);
    expect(opened.data).toEqual({
      orderId: data.orderId,
      paymentId: payment?.paymentId,
      provider: 'cash',
      paymentMethod: 'cash',
      amount: 30_000,
      redirectUrl: null,
    });
    expect(opened).toMatchObject({
      subject: data.orderId,
      causationid: cause.id,
      correlationid: cause.correlationid,
    });
  });

  it('is a no-op for a second request of the same order', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = request();
    await openPayment(deps, data, cause);
    expect(await openPayment(deps, data, cause)).toBeNull();
    expect(payments.rows).toHaveLength(1);
    expect(payments.events).toHaveLength(1);
  });

  it('records an online method as awaiting its provider, with no event and no success', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = request({ paymentMethod: 'qris' });
    expect(await openPayment(deps, data, cause)).toMatchObject({
      status: 'AWAITING_PROVIDER',
      provider: 'midtrans',
    });
    expect(payments.events).toHaveLength(0);
  });
});

describe('voidPayment', () => {
  it('voids a pending cash payment once, then does nothing', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = request();
    await openPayment(deps, data, cause);
    expect(await voidPayment(deps, data.orderId, 'cancelled by shopper')).toBe(1);
    expect(await voidPayment(deps, data.orderId, 'cancelled by shopper')).toBe(0);
    expect(payments.rows[0]).toMatchObject({ status: 'VOIDED', voidReason: 'cancelled by shopper' });
  });
});
