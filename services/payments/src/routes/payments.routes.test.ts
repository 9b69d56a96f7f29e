import { OrderPaymentRequested } from '@pasar/contracts';
import { sampleEnvelope } from '@pasar/contracts/fixtures';
import { describe, expect, it } from 'vitest';
import { fakeApp, issuer, json, staffHeaders } from '../testing/fakes';
import { openPayment } from '../use-cases/open-payment';

const ORDER = 'ord_01JD0000000000000000000000';
const url = `/payments/by-order/${ORDER}`;

/** A karangbesuki order's cash payment (the sample request is from karangbesuki). */
async function withCashPayment() {
  const ctx = fakeApp();
  const cause = sampleEnvelope(OrderPaymentRequested.type);
  const data = {
    ...OrderPaymentRequested.data.parse(cause.data),
    paymentMethod: 'cash' as const,
    amount: 30_000,
  };
  delete data.items;
  await openPayment(ctx.deps, data, cause);
  return ctx;
}

describe('GET /payments/by-order/:orderId', () => {
  it.each(['pengurus', 'kasir', 'pengawas'] as const)(
    "returns the order's payment to a %s of the order's cooperative",
    async (role) => {
      const { app, payments } = await withCashPayment();

      const res = await app.request(url, { headers: await staffHeaders('karangbesuki', role) });

      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({
        orderId: ORDER,
        paymentId: payments.rows[0]?.paymentId,
        attempt: 1,
        provider: 'cash',
        paymentMethod: 'cash',
        amount: 30_000,
        captured: 0,
        refunded: 0,
        status: 'PENDING_COLLECTION',
        failureReason: null,
        vaNumber: null,
        refund: null,
        createdAt: expect.any(String),
      });
    },
  );

  it('answers 401 without a token, or with an expired, tampered or foreign-audience one', async () => {
    const { app } = await withCashPayment();
    expect((await app.request(url)).status).toBe(401);
    const person = { personId: 'p', grants: [{ cooperativeId: 'karangbesuki', roles: ['kasir' as const] }] };
    const expired = await issuer.token(person, { service: 'payments', ttlSeconds: -60 });
    const forOrders = await issuer.token(person, { service: 'orders' });
    const { authorization } = await staffHeaders('karangbesuki', 'kasir');
    for (const header of [
      `Bearer ${expired}`,
      `Bearer ${forOrders}`,
      `${authorization}x`,
      'Bearer not-a-jwt',
    ]) {
      const res = await app.request(url, { headers: { authorization: header } });
      expect(res.status, header).toBe(401);
      expect((await json(res)).code).toBe('AUTH.INVALID_TOKEN');
    }
  });

  it.each(['gudang', 'anggota', 'penjual'] as const)(
    'refuses a %s of the same cooperative with 403 (staff who hold no money role)',
    async (role) => {
      const { app } = await withCashPayment();
      const res = await app.request(url, { headers: await staffHeaders('karangbesuki', role) });
      expect([res.status, (await json(res)).code]).toEqual([403, 'AUTH.FORBIDDEN']);
    },
  );

  it("answers another cooperative's staff exactly as for an order without a payment (404)", async () => {
    const { app } = await withCashPayment();
    for (const role of ['pengurus', 'kasir', 'pengawas'] as const) {
      const res = await app.request(url, { headers: await staffHeaders('dinoyo', role) });
      expect([res.status, (await json(res)).code]).toEqual([404, 'PAYMENT.NOT_FOUND']);
    }
    const missing = await app.request('/payments/by-order/ord_0000000000nothing', {
      headers: await staffHeaders('karangbesuki', 'kasir'),
    });
    expect([missing.status, (await json(missing)).code]).toEqual([404, 'PAYMENT.NOT_FOUND']);
  });

  it('refuses a signed-in shopper without roles (403): shoppers see payment state through orders', async () => {
    const { app } = await withCashPayment();
    const res = await app.request(url, { headers: await staffHeaders('karangbesuki') });
    expect(res.status).toBe(403);
  });

  it('answers 400 naming param.orderId for malformed ids', async () => {
    const { app } = fakeApp();
    const headers = await staffHeaders('karangbesuki', 'kasir');
    for (const id of [
      '123',
      'ord_short',
      'ord_has-dash-0000000',
      `ord_${'a'.repeat(40)}`,
      'pay_01JD0000000000000000',
    ]) {
      const res = await app.request(`/payments/by-order/${id}`, { headers });
      expect(res.status, id).toBe(400);
      expect((await json(res)).details.issues[0].field).toBe('param.orderId');
    }
  });
});

describe('/openapi.json', () => {
  it('documents the route, its rule and its answers', async () => {
    const { app } = fakeApp();
    const doc = await json(await app.request('/openapi.json'));
    const op = doc.paths['/payments/by-order/{orderId}'].get;
    expect(op['x-pasar-access']).toEqual({ allow: ['pengurus', 'kasir', 'pengawas'], scope: 'resource' });
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe(
      '#/components/schemas/PaymentView',
    );
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/cooperatives/{cooperativeId}/consignment',
      '/cooperatives/{cooperativeId}/consignment-settings',
      '/cooperatives/{cooperativeId}/reconciliation',
      '/cooperatives/{cooperativeId}/refunds/manual',
      '/cooperatives/{cooperativeId}/refunds/{paymentId}/done',
      '/cooperatives/{cooperativeId}/sellers/{sellerId}/consignment',
      '/cooperatives/{cooperativeId}/sellers/{sellerId}/payouts',
      '/cooperatives/{cooperativeId}/sellers/{sellerId}/sales',
      '/cooperatives/{cooperativeId}/sellers/{sellerId}/statement',
      '/healthz',
      '/metrics',
      '/payments/by-order/{orderId}',
      '/readyz',
      '/webhooks/midtrans',
      '/webhooks/stripe',
    ]);
    expect(doc.paths['/webhooks/midtrans'].post['x-pasar-access']).toEqual({ allow: ['anonymous'] });
  });
});
