import midtransClient from 'midtrans-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clients,
  orderId,
  rejection,
  SERVER_KEY,
  snapRequest,
  startReceiver,
  startSandbox,
} from './testing/harness';

let env: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  env = await startSandbox();
});
afterAll(() => env.close());

describe('Snap POST /snap/v1/transactions through midtrans-client', () => {
  it('creates a transaction: 201 with a token and the payment page as redirect_url', async () => {
    const { snap } = clients(env.base);
    const res = await snap.createTransaction(snapRequest(orderId()));
    expect(res.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.redirect_url).toBe(`${env.base}/snap/v4/redirection/${res.token}`);
  });

  it('refuses the same order_id twice with 406, as Midtrans does', async () => {
    const { snap } = clients(env.base);
    const id = orderId();
    await snap.createTransaction(snapRequest(id));
    const err = await rejection(snap.createTransaction(snapRequest(id)));
    expect(err).toBeInstanceOf(midtransClient.MidtransError);
    expect(err.httpStatusCode).toBe(406);
    expect(err.ApiResponse).toEqual({
      error_messages: ['transaction_details.order_id sudah digunakan'],
    });
  });

  it('answers 400 when item_details do not add up to gross_amount', async () => {
    const { snap } = clients(env.base);
    const err = await rejection(
      snap.createTransaction({
        transaction_details: { order_id: orderId(), gross_amount: 20_000 },
        item_details: [{ id: 'a', name: 'Gula 1 kg', price: 6_000, quantity: 3 }],
      }),
    );
    expect(err.httpStatusCode).toBe(400);
    expect(err.ApiResponse.error_messages[0]).toMatch(/gross_amount/);
  });

  it('answers 400 for a non-integer gross_amount and for an unknown enabled_payments entry', async () => {
    const { snap } = clients(env.base);
    const fractional = await rejection(
      snap.createTransaction({ transaction_details: { order_id: orderId(), gross_amount: 1500.5 } }),
    );
    expect(fractional.httpStatusCode).toBe(400);
    const unknown = await rejection(
      snap.createTransaction({ ...snapRequest(orderId()), enabled_payments: ['credit_card'] }),
    );
    expect(unknown.httpStatusCode).toBe(400);
  });

  it('answers 401 with Midtrans error_messages to a wrong server key', async () => {
    const { snap } = clients(env.base, 'SB-Mid-server-wrong');
    const err = await rejection(snap.createTransaction(snapRequest(orderId())));
    expect(err.httpStatusCode).toBe(401);
    expect(err.ApiResponse).toEqual({
      error_messages: ['Access denied due to unauthorized transaction, please check client or server key'],
    });
    const bare = await fetch(`${env.base}/snap/v1/transactions`, { method: 'POST', body: '{}' });
    expect(bare.status).toBe(401);
  });

  it('sends notifications to X-Override-Notification set on the axios defaults, as payments does', async () => {
    const receiver = await startReceiver();
    try {
      const { snap } = clients(env.base);
      snap.httpClient.http_client.defaults.headers.common['X-Override-Notification'] = receiver.url;
      const id = orderId();
      await snap.createTransaction(snapRequest(id));
      await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
      const [pending] = await receiver.waitFor(id, 1);
      expect(pending!.body.transaction_status).toBe('pending');
    } finally {
      await receiver.close();
    }
  });

  it('adds X-Append-Notification URLs to the default notification URL', async () => {
    const [byDefault, appended] = await Promise.all([startReceiver(), startReceiver()]);
    const local = await startSandbox({ notificationUrl: byDefault.url });
    try {
      const { snap } = clients(local.base);
      snap.httpClient.http_client.defaults.headers.common['X-Append-Notification'] = appended.url;
      const id = orderId();
      await snap.createTransaction(snapRequest(id));
      await local.control(`/transactions/${id}/choose`, { payment_type: 'gopay' });
      await byDefault.waitFor(id, 1);
      await appended.waitFor(id, 1);
    } finally {
      await Promise.all([local.close(), byDefault.close(), appended.close()]);
    }
  });

  it('keeps the server key check per request (the key travels as HTTP Basic user, empty password)', async () => {
    const auth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
    const res = await fetch(`${env.base}/snap/v1/transactions`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify(snapRequest(orderId())),
    });
    expect(res.status).toBe(201);
  });
});
