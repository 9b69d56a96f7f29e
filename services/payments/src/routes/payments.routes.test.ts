import { OrderPaymentRequested } from '@pasar/contracts';
import { sampleEnvelope } from '@pasar/contracts/fixtures';
import { describe, expect, it } from 'vitest';
import { adminHeaders, fakeApp, json } from '../testing/fakes';
import { openPayment } from '../use-cases/open-payment';

const ORDER = 'ord_01JD0000000000000000000000';

async function withCashPayment() {
  const ctx = fakeApp();
  const cause = sampleEnvelope(OrderPaymentRequested.type);
  await openPayment(ctx.deps, OrderPaymentRequested.data.parse(cause.data), cause);
  return ctx;
}

describe('GET /payments/by-order/:orderId', () => {
  it("returns the order's payment for staff", async () => {
    const { app, payments } = await withCashPayment();

    const res = await app.request(`/payments/by-order/${ORDER}`, { headers: adminHeaders });

    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      orderId: ORDER,
      paymentId: payments.rows[0]?.paymentId,
      attempt: 1,
      provider: 'cash',
      paymentMethod: 'cash',
      amount: 30_000,
      status: 'PENDING_COLLECTION',
      createdAt: expect.any(String),
    });
  });

  it('answers 401 without, or with a wrong, admin token', async () => {
    const { app } = await withCashPayment();
    expect((await app.request(`/payments/by-order/${ORDER}`)).status).toBe(401);
    const wrong = await app.request(`/payments/by-order/${ORDER}`, {
      headers: { authorization: 'Bearer not-the-token-at-all' },
    });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).code).toBe('AUTH.UNAUTHORIZED');
  });

  it('answers 400 naming param.orderId for malformed ids', async () => {
    const { app } = fakeApp();
    for (const id of [
      '123',
      'ord_short',
      'ord_has-dash-0000000',
      `ord_${'a'.repeat(40)}`,
      'pay_01JD0000000000000000',
    ]) {
      const res = await app.request(`/payments/by-order/${id}`, { headers: adminHeaders });
      expect(res.status, id).toBe(400);
      expect((await json(res)).details.issues[0].field).toBe('param.orderId');
    }
  });

  it('answers 404 PAYMENT.NOT_FOUND for an order without a payment', async () => {
    const { app } = fakeApp();
    const res = await app.request('/payments/by-order/ord_0000000000nothing', { headers: adminHeaders });
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('PAYMENT.NOT_FOUND');
  });
});
