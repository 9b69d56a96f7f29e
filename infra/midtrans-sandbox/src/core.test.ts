import midtransClient from 'midtrans-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clients, orderId, rejection, snapRequest, startSandbox, verifies } from './testing/harness';

let env: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  env = await startSandbox();
});
afterAll(() => env.close());

/** A Snap transaction with the method already chosen (pending). */
async function pending(paymentType: string, bank?: string, amount = 15_000): Promise<string> {
  const id = orderId();
  await clients(env.base).snap.createTransaction(snapRequest(id, amount));
  const chosen = await env.control(`/transactions/${id}/choose`, { payment_type: paymentType, bank });
  expect(chosen.status).toBe(200);
  return id;
}

async function settled(paymentType: string, bank?: string, amount = 15_000): Promise<string> {
  const id = await pending(paymentType, bank, amount);
  expect((await env.control(`/transactions/${id}/pay`)).status).toBe(200);
  return id;
}

describe('Core API GET /v2/{order_id}/status through midtrans-client', () => {
  it('rejects with status_code 404 while Snap knows the order but no method was chosen, and for unknown orders', async () => {
    const { snap } = clients(env.base);
    const id = orderId();
    await snap.createTransaction(snapRequest(id));
    for (const which of [id, 'no-such-order']) {
      const err = await rejection(snap.transaction.status(which));
      expect(err).toBeInstanceOf(midtransClient.MidtransError);
      // Real Midtrans answers HTTP 200 with the code in the body; the client reports the body's code.
      expect(err.httpStatusCode).toBe('404');
      expect(err.ApiResponse).toMatchObject({
        status_code: '404',
        status_message: "Transaction doesn't exist.",
      });
    }
  });

  it('reports pending (201) then settlement (200) with Midtrans-shaped fields and a valid signature', async () => {
    const { snap, core } = clients(env.base);
    const id = await pending('qris');
    const before = await snap.transaction.status(id);
    expect(before).toMatchObject({ status_code: '201', transaction_status: 'pending', payment_type: 'qris' });
    await env.control(`/transactions/${id}/pay`);
    const after = await core.transaction.status(id);
    expect(after).toMatchObject({
      status_code: '200',
      status_message: 'Success, transaction is found',
      transaction_status: 'settlement',
      order_id: id,
      gross_amount: '15000.00',
      currency: 'IDR',
      payment_type: 'qris',
      fraud_status: 'accept',
      merchant_id: 'G000TEST',
    });
    expect(after.transaction_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    for (const field of ['transaction_time', 'settlement_time', 'expiry_time'])
      expect(after[field]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(verifies(after)).toBe(true);
    // The status can also be asked by transaction_id, as Midtrans allows.
    expect((await core.transaction.status(after.transaction_id)).order_id).toBe(id);
  });

  it('reports a bank VA with va_numbers and a failed e-wallet as deny (202), a failed VA as failure', async () => {
    const { core } = clients(env.base);
    const va = await pending('bank_transfer', 'bca');
    const status = await core.transaction.status(va);
    expect(status.payment_type).toBe('bank_transfer');
    expect(status.va_numbers).toEqual([{ bank: 'bca', va_number: expect.stringMatching(/^12345\d{6}$/) }]);
    await env.control(`/transactions/${va}/fail`);
    expect(await core.transaction.status(va)).toMatchObject({
      status_code: '202',
      transaction_status: 'failure',
    });

    const wallet = await pending('gopay');
    await env.control(`/transactions/${wallet}/fail`);
    expect(await core.transaction.status(wallet)).toMatchObject({
      status_code: '202',
      transaction_status: 'deny',
    });
  });

  it('resolves (does not reject) an expired transaction with status_code 407, as the client expects', async () => {
    const { snap } = clients(env.base);
    const id = await pending('shopeepay');
    await env.control(`/transactions/${id}/expire`);
    expect(await snap.transaction.status(id)).toMatchObject({
      status_code: '407',
      transaction_status: 'expire',
    });
  });

  it('reports and signs the planted amount after /tamper (a reconciliation mismatch)', async () => {
    const { core } = clients(env.base);
    const id = await settled('qris');
    await env.control(`/transactions/${id}/tamper`, { gross_amount: 14_000 });
    const status = await core.transaction.status(id);
    expect(status.gross_amount).toBe('14000.00');
    expect(verifies(status)).toBe(true);
  });

  it('rejects a wrong server key with 401', async () => {
    const { core } = clients(env.base, 'SB-Mid-server-wrong');
    const err = await rejection(core.transaction.status('whatever'));
    expect(err.httpStatusCode).toBe(401);
  });
});

describe('Core API cancel and expire', () => {
  it('cancels a pending transaction; cancelling again is 412', async () => {
    const { core } = clients(env.base);
    const id = await pending('qris');
    expect(await core.transaction.cancel(id)).toMatchObject({
      status_code: '200',
      transaction_status: 'cancel',
    });
    const again = await rejection(core.transaction.cancel(id));
    expect(again.ApiResponse).toMatchObject({
      status_code: '412',
      status_message: 'Merchant cannot modify the status of the transaction',
    });
  });

  it('expires a pending transaction and one whose method was never chosen; a settled one answers 412', async () => {
    const { snap, core } = clients(env.base);
    const chosen = await pending('bank_transfer', 'bni');
    expect(await core.transaction.expire(chosen)).toMatchObject({
      status_code: '407',
      transaction_status: 'expire',
    });

    const unchosen = orderId();
    await snap.createTransaction(snapRequest(unchosen));
    expect(await snap.transaction.expire(unchosen)).toMatchObject({ transaction_status: 'expire' });
    expect((await snap.transaction.status(unchosen)).status_code).toBe('407');

    const paid = await settled('gopay');
    expect((await rejection(core.transaction.expire(paid))).ApiResponse.status_code).toBe('412');
  });
});

describe('Core API refund', () => {
  it('refunds once: the same refund_key again answers the same refund and refunds nothing more', async () => {
    const { snap } = clients(env.base);
    const id = await settled('gopay');
    const first = await snap.transaction.refund(id, {
      refund_key: `${id}-r1`,
      amount: 5_000,
      reason: 'stok habis',
    });
    expect(first).toMatchObject({
      status_code: '200',
      transaction_status: 'partial_refund',
      refund_amount: '5000.00',
      refund_key: `${id}-r1`,
    });
    expect(first.refund_chargeback_id).toEqual(expect.any(Number));
    const replay = await snap.transaction.refund(id, {
      refund_key: `${id}-r1`,
      amount: 5_000,
      reason: 'stok habis',
    });
    expect(replay).toEqual(first);
    const status = await snap.transaction.status(id);
    expect(status.refund_amount).toBe('5000.00');
    expect(status.refunds).toHaveLength(1);

    const rest = await snap.transaction.refund(id, { refund_key: `${id}-r2`, reason: 'batal' });
    expect(rest).toMatchObject({ transaction_status: 'refund', refund_amount: '10000.00' });
    expect((await snap.transaction.status(id)).refund_amount).toBe('15000.00');
  });

  it('refuses a refund above the remaining amount and leaves the transaction as it was', async () => {
    const { snap } = clients(env.base);
    const id = await settled('qris');
    await snap.transaction.refund(id, { refund_key: `${id}-a`, amount: 10_000, reason: 'x' });
    const err = await rejection(
      snap.transaction.refund(id, { refund_key: `${id}-b`, amount: 6_000, reason: 'y' }),
    );
    expect(err.ApiResponse.status_code).toBe('412');
    expect((await snap.transaction.status(id)).refund_amount).toBe('10000.00');
  });

  it('refuses to refund a bank VA through the API (412) and a pending transaction (412)', async () => {
    const { core } = clients(env.base);
    const va = await settled('bank_transfer', 'bri');
    const err = await rejection(core.transaction.refund(va, { refund_key: `${va}-r`, reason: 'x' }));
    expect(err.ApiResponse).toMatchObject({
      status_code: '412',
      status_message: 'Merchant cannot modify the status of the transaction',
    });
    const open = await pending('shopeepay');
    expect(
      (await rejection(core.transaction.refund(open, { refund_key: 'k' }))).ApiResponse.status_code,
    ).toBe('412');
  });
});
