import { PaymentSucceeded } from '@pasar/contracts';
import { waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  getOrder,
  registerCooperative,
  startTestMarket,
  type TestMarket,
  waitForOrderStatus,
} from '../lib/market';
import {
  midtransRef,
  midtransStatus,
  paymentEvents,
  paymentOf,
  placeOnlineOrder,
  sandbox,
  sandboxTransaction,
} from '../lib/payments';

// Payments dies at the worst moment: Midtrans' status API has confirmed the settlement, and neither
// the PAID write nor its event has happened. After a restart the money must be recorded exactly once.
let m: TestMarket;
let events: Awaited<ReturnType<typeof paymentEvents>>;
const coop = `crash${Date.now().toString(36)}`;

beforeAll(async () => {
  m = await startTestMarket({
    payments: { PAYMENTS_CRASH_AT: 'after-provider-confirmed', PAYMENTS_SWEEP_INTERVAL_MS: '1000' },
  });
  await registerCooperative(m, coop);
  events = await paymentEvents(m);
});

afterAll(async () => {
  await events?.stop();
  await m?.stop();
});

it('records a QRIS payment once when payments is killed after the provider confirmed it', async () => {
  const o = await placeOnlineOrder(m, coop, 'qris', { price: 21_000, quantity: 1 });
  const ref = midtransRef(o.orderId);
  const first = m.services.payments;
  // The pending notification is held back a minute, so the crash is on the settlement.
  await sandbox(`/transactions/${ref}/choose`, { payment_type: 'qris', delayMs: 60_000 });
  await sandbox(`/transactions/${ref}/pay`);
  expect((await midtransStatus(ref)).transaction_status).toBe('settlement');

  await first.exited;
  expect(first.child.signalCode).toBe('SIGKILL');
  expect(first.output()).toContain('PAYMENTS_CRASH_AT reached');
  expect((await getOrder(m, o.orderId, o.token)).body.status).toBe('AWAITING_PAYMENT');
  expect(events.distinct(PaymentSucceeded.type, o.orderId)).toBe(0);

  // The sandbox retries the settlement it could not deliver (1 + 2 + 4 + 8 s) and then gives up,
  // as Midtrans does after its own schedule. Restart only after that: a restart that is quick
  // enough for a retry passes by luck, so the test waits for the case luck does not cover. The
  // notification was recorded before the crash and never finished; the sweeper finishes it.
  await waitFor(
    async () =>
      (await sandboxTransaction(ref)).notifications.some(
        (n: { transaction_status: string; status: string }) =>
          n.transaction_status === 'settlement' && n.status === 'failed',
      ),
    { what: 'the sandbox to give up on the settlement notification', timeoutMs: 90_000 },
  );
  await m.restart('payments', { PAYMENTS_CRASH_AT: '' });

  const paid = await waitForOrderStatus(m, o.orderId, o.token, ['PAID'], 60_000);
  expect(await paymentOf(m, coop, o.orderId)).toMatchObject({ status: 'PAID', captured: 21_000 });
  // Let every notification (retries, then the held-back pending) arrive before counting.
  await sandbox(`/notify/${ref}`, { duplicates: 2 });
  await waitFor(
    async () =>
      (await sandboxTransaction(ref)).notifications.every((n: { status: string }) =>
        ['delivered', 'failed'].includes(n.status),
      ),
    { what: 'every notification delivered', timeoutMs: 90_000 },
  );
  const after = (await getOrder(m, o.orderId, o.token)).body;
  expect(after.status).toBe('PAID');
  expect(after.timeline.filter((t: { status: string }) => t.status === 'PAID')).toHaveLength(1);
  expect(paid.pickupCode).toBe(after.pickupCode);
  expect(events.distinct(PaymentSucceeded.type, o.orderId)).toBe(1);
  // The duplicates sent after the restart were answered as already handled (2xx).
  const delivered = (await sandboxTransaction(ref)).notifications.filter(
    (n: { transaction_status: string; status: string }) => n.transaction_status === 'settlement',
  );
  expect(delivered.some((n: { status: string }) => n.status === 'delivered')).toBe(true);
});
