import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, orderId, snapRequest, startSandbox } from './testing/harness';

let env: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  env = await startSandbox();
});
afterAll(() => env.close());

const get = async (path: string) => {
  const res = await fetch(`${env.base}/_sandbox${path}`);
  return { status: res.status, json: (await res.json()) as any };
};

describe('control API /_sandbox', () => {
  it('answers the health probe', async () => {
    expect(await get('/health')).toEqual({ status: 200, json: { ok: true } });
  });

  it('lists transactions with status, amount, refunds and deliveries, and resets them', async () => {
    const id = orderId();
    await clients(env.base).snap.createTransaction(snapRequest(id, 30_000));
    const one = await get(`/transactions/${id}`);
    expect(one.json).toMatchObject({
      order_id: id,
      status: 'unchosen',
      gross_amount: 30_000,
      refunds: [],
      notifications: [],
    });
    expect((await get('/transactions')).json.transactions.map((t: any) => t.order_id)).toContain(id);
    expect((await env.control('/reset')).status).toBe(200);
    expect((await get('/transactions')).json.transactions).toEqual([]);
    expect((await get(`/transactions/${id}`)).status).toBe(404);
  });

  it('refuses a method the transaction did not enable (400), an unknown order (404), a bad transition (409)', async () => {
    const id = orderId();
    await clients(env.base).snap.createTransaction({ ...snapRequest(id), enabled_payments: ['qris'] });
    const notEnabled = await env.control(`/transactions/${id}/choose`, { payment_type: 'gopay' });
    expect(notEnabled.status).toBe(400);
    expect(notEnabled.json.code).toBe('REQUEST.INVALID');
    expect((await env.control('/transactions/nope/pay')).status).toBe(404);
    const early = await env.control(`/transactions/${id}/pay`);
    expect(early).toMatchObject({ status: 409, json: { code: 'TRANSACTION.INVALID_TRANSITION' } });
  });

  it('sets and reports the runtime config', async () => {
    const set = await env.control('/config', {
      duplicates: 1,
      delayMs: 5,
      notificationUrl: 'http://127.0.0.1:1/x',
    });
    expect(set.json).toMatchObject({ duplicates: 1, delayMs: 5, notificationUrl: 'http://127.0.0.1:1/x' });
    const cleared = await env.control('/config', { duplicates: 0, delayMs: 0, notificationUrl: null });
    expect(cleared.json.notificationUrl).toBeUndefined();
    expect((await env.control('/config', { duplicates: -1 })).status).toBe(400);
  });
});
