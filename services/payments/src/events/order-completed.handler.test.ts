import { newEvent, OrderCompleted } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { describe, expect, it } from 'vitest';
import { fakeApp, paymentRequest } from '../testing/fakes';
import { openPayment } from '../use-cases/open-payment';
import { orderCompletedHandler } from './order-completed.handler';

function completed(orderId: string, over: Record<string, unknown> = {}) {
  const data = { ...(SAMPLE_DATA[OrderCompleted.type] as object), orderId, total: 35_000, ...over };
  return newEvent(OrderCompleted, orderId, data as never, {
    source: 'urn:pasar:orders',
    cooperativeId: 'karangbesuki',
  });
}

describe('OrderCompleted (cash handover)', () => {
  it('records the cash as collected once, publishing one PaymentSucceeded for the total', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = paymentRequest({ paymentMethod: 'cash' });
    await openPayment(deps, data, cause);
    const handle = orderCompletedHandler(deps);
    await handle(completed(data.orderId, { cashReceived: 50_000 }));
    await handle(completed(data.orderId, { cashReceived: 50_000 }));
    expect(payments.rows[0]).toMatchObject({ status: 'COLLECTED', captured: 35_000 });
    expect(payments.types(data.orderId).filter((t) => t.endsWith('payment.succeeded'))).toHaveLength(1);
  });

  it('leaves the payment pending when the cash recorded is short, and ignores online orders', async () => {
    const { deps, payments } = fakeApp();
    const { cause, data } = paymentRequest({ paymentMethod: 'cash' });
    await openPayment(deps, data, cause);
    await orderCompletedHandler(deps)(completed(data.orderId, { cashReceived: 10_000 }));
    expect(payments.rows[0]?.status).toBe('PENDING_COLLECTION');
    await orderCompletedHandler(deps)(completed(data.orderId, { paymentMethod: 'qris', cashReceived: null }));
    expect(payments.rows[0]?.status).toBe('PENDING_COLLECTION');
  });
});
