import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clients, orderId, snapRequest, startReceiver, startSandbox, verifies } from './testing/harness';

let env: Awaited<ReturnType<typeof startSandbox>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
  receiver = await startReceiver();
  env = await startSandbox({ notificationUrl: receiver.url });
});
afterEach(async () => {
  await env.close();
  await receiver.close();
});

async function created(extra: Record<string, unknown> = {}): Promise<string> {
  const id = orderId();
  await clients(env.base).snap.createTransaction(snapRequest(id, 15_000, extra));
  return id;
}

describe('HTTP notifications', () => {
  it('sends pending on choose and settlement on pay, signed with the server key, confirmed by the status API', async () => {
    const id = await created();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
    await receiver.waitFor(id, 1);
    await env.control(`/transactions/${id}/pay`);
    const [pending, settlement] = await receiver.waitFor(id, 2);
    expect(pending!.body).toMatchObject({ transaction_status: 'pending', status_code: '201' });
    expect(settlement!.body).toMatchObject({
      transaction_status: 'settlement',
      status_code: '200',
      status_message: 'midtrans payment notification',
      order_id: id,
      gross_amount: '15000.00',
      payment_type: 'qris',
      currency: 'IDR',
      fraud_status: 'accept',
    });
    expect(verifies(settlement!.body)).toBe(true);
    expect(verifies(settlement!.body, 'SB-Mid-server-other')).toBe(false);
    // What payments does next: confirm with the status API (midtrans-client's notification()).
    const confirmed = await clients(env.base).core.transaction.notification(settlement!.body);
    expect(confirmed.transaction_status).toBe('settlement');
    const view = (await (await fetch(`${env.base}/_sandbox/transactions/${id}`)).json()) as any;
    expect(view.notifications.map((d: any) => [d.transaction_status, d.status, d.attempts])).toEqual([
      ['pending', 'delivered', 1],
      ['settlement', 'delivered', 1],
    ]);
  });

  it('sends deny when an e-wallet payment fails, and cancel and refund notifications', async () => {
    const denied = await created();
    await env.control(`/transactions/${denied}/choose`, { payment_type: 'shopeepay' });
    await receiver.waitFor(denied, 1);
    await env.control(`/transactions/${denied}/fail`);
    expect((await receiver.waitFor(denied, 2))[1]!.body).toMatchObject({
      transaction_status: 'deny',
      status_code: '202',
    });

    const { core } = clients(env.base);
    const cancelled = await created();
    await env.control(`/transactions/${cancelled}/choose`, { payment_type: 'gopay' });
    await receiver.waitFor(cancelled, 1);
    await core.transaction.cancel(cancelled);
    expect((await receiver.waitFor(cancelled, 2))[1]!.body.transaction_status).toBe('cancel');

    const refunded = await created();
    await env.control(`/transactions/${refunded}/choose`, { payment_type: 'gopay' });
    await receiver.waitFor(refunded, 1);
    await env.control(`/transactions/${refunded}/pay`);
    await receiver.waitFor(refunded, 2);
    await core.transaction.refund(refunded, { refund_key: 'rk-1', amount: 15_000, reason: 'batal' });
    const refund = (await receiver.waitFor(refunded, 3))[2]!.body;
    expect(refund).toMatchObject({ transaction_status: 'refund', refund_amount: '15000.00' });
    expect(refund.refunds[0]).toMatchObject({ refund_key: 'rk-1', refund_amount: '15000.00' });
    expect(verifies(refund)).toBe(true);
  });

  it('expires by itself when custom_expiry runs out, with an expire notification', async () => {
    const id = await created({ custom_expiry: { expiry_duration: 1, unit: 'second' } });
    await env.control(`/transactions/${id}/choose`, { payment_type: 'bank_transfer', bank: 'permata' });
    const [, expired] = await receiver.waitFor(id, 2);
    expect(expired!.body).toMatchObject({ transaction_status: 'expire', status_code: '407' });
    expect(expired!.body.permata_va_number).toMatch(/^8562\d{12}$/);
    expect((await clients(env.base).core.transaction.status(id)).transaction_status).toBe('expire');
  });

  it('retries a notification the receiver refuses, with backoff, until it is accepted', async () => {
    const flaky = await startReceiver({ failFirst: 2 });
    try {
      await env.control('/config', { notificationUrl: flaky.url });
      const id = await created();
      await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
      await flaky.waitFor(id, 1);
      const view = (await (await fetch(`${env.base}/_sandbox/transactions/${id}`)).json()) as any;
      expect(view.notifications[0]).toMatchObject({ url: flaky.url, status: 'delivered', attempts: 3 });
      expect(receiver.forOrder(id)).toHaveLength(0); // the runtime URL replaced the first one
    } finally {
      await flaky.close();
    }
  });

  it('gives up after maxAttempts and records the failure', async () => {
    await env.control('/config', { notificationUrl: 'http://127.0.0.1:9/closed', maxAttempts: 2 });
    const id = await created();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
    const deadline = Date.now() + 5000;
    let delivery: any;
    do {
      await sleep(20);
      delivery = ((await (await fetch(`${env.base}/_sandbox/transactions/${id}`)).json()) as any)
        .notifications[0];
    } while (delivery.status !== 'failed' && Date.now() < deadline);
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, last_http_status: null });
    expect(delivery.last_error).toBeTruthy();
  });

  it('duplicates: sends each notification N extra times (per action and globally)', async () => {
    const id = await created();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
    await receiver.waitFor(id, 1);
    await env.control(`/transactions/${id}/pay`, { duplicates: 2 });
    const got = await receiver.waitFor(id, 4);
    expect(got.map((r) => r.body.transaction_status)).toEqual([
      'pending',
      'settlement',
      'settlement',
      'settlement',
    ]);
    expect(new Set(got.slice(1).map((r) => JSON.stringify(r.body))).size).toBe(1);

    await env.control('/config', { duplicates: 1 });
    const other = await created();
    await env.control(`/transactions/${other}/choose`, { payment_type: 'gopay' });
    expect(await receiver.waitFor(other, 2)).toHaveLength(2);
  });

  it('delayMs: holds the first attempt back', async () => {
    const id = await created();
    const started = Date.now();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris', delayMs: 300 });
    await sleep(150);
    expect(receiver.forOrder(id)).toHaveLength(0);
    const [pending] = await receiver.waitFor(id, 1);
    expect(pending!.at - started).toBeGreaterThanOrEqual(290);
  });

  it('reorder: holds pending and delivers settlement first, then the stale pending', async () => {
    await env.control('/config', { reorder: true });
    const id = await created();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
    await sleep(100);
    expect(receiver.forOrder(id)).toHaveLength(0);
    await env.control(`/transactions/${id}/pay`);
    const got = await receiver.waitFor(id, 2);
    expect(got.map((r) => r.body.transaction_status)).toEqual(['settlement', 'pending']);
  });

  it('re-sends the current status with POST /_sandbox/notify/{order_id}', async () => {
    const id = await created();
    await env.control(`/transactions/${id}/choose`, { payment_type: 'qris' });
    await receiver.waitFor(id, 1);
    await env.control(`/transactions/${id}/pay`);
    await receiver.waitFor(id, 2);
    expect((await env.control(`/notify/${id}`)).status).toBe(200);
    expect((await receiver.waitFor(id, 3))[2]!.body.transaction_status).toBe('settlement');
  });
});
