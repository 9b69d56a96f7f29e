import { PaymentSucceeded } from '@pasar/contracts';
import { describe, expect, it } from 'vitest';
import { fakeApp, paymentRequest } from '../testing/fakes';
import { openPayment } from '../use-cases/open-payment';
import type { NotificationRecord } from '../use-cases/ports';
import { startPaymentsSweeper } from './payments-sweeper';

/** A QRIS attempt waiting for the shopper, Midtrans' status API already saying it is settled. */
async function settledQris() {
  const market = fakeApp();
  const { cause, data } = paymentRequest();
  const payment = await openPayment(market.deps, data, cause);
  const ref = payment?.providerRecord.ref ?? '';
  market.midtrans.set(ref, { status: 'settlement', amount: 35_000 });
  const sweeper = startPaymentsSweeper(market.deps, 3_600_000);
  return { ...market, paymentId: payment?.paymentId ?? '', ref, sweeper };
}

function received(ref: string, agoMs: number, provider: NotificationRecord['provider'] = 'midtrans') {
  return {
    key: `${provider}:${ref}:tx:settlement`,
    provider,
    ref,
    status: 'settlement',
    outcome: 'received',
    reason: null,
    receivedAt: new Date(Date.now() - agoMs),
  };
}

describe('payments sweeper: notifications whose handling never finished', () => {
  it('asks the status API and records the payment once when a crash interrupted the notification', async () => {
    const { notifications, payments, paymentId, ref, sweeper } = await settledQris();
    await notifications.record(received(ref, 20_000));

    await sweeper.sweep();

    expect((await payments.findById(paymentId))?.status).toBe('PAID');
    expect(notifications.seen.get(`midtrans:${ref}:tx:settlement`)).toMatchObject({
      settled: true,
      outcome: 'applied',
    });
    expect(payments.types().filter((t) => t === PaymentSucceeded.type)).toHaveLength(1);
    // Finished: the next sweep does not look at it again, and nothing is applied twice.
    expect(await notifications.listUnfinished(new Date(), 10)).toEqual([]);
    await sweeper.sweep();
    expect(payments.types().filter((t) => t === PaymentSucceeded.type)).toHaveLength(1);
    await sweeper.stop();
  });

  it('leaves a notification alone while its own handling may still be running (the grace period)', async () => {
    const { notifications, payments, paymentId, ref, sweeper } = await settledQris();
    await notifications.record(received(ref, 2_000));

    await sweeper.sweep();

    expect((await payments.findById(paymentId))?.status).toBe('AWAITING_PAYMENT');
    expect(notifications.seen.get(`midtrans:${ref}:tx:settlement`)?.settled).toBe(false);
    await sweeper.stop();
  });

  it('keeps it unfinished while the status API fails, and finishes it on a later sweep', async () => {
    const { notifications, payments, paymentId, ref, sweeper, midtrans } = await settledQris();
    await notifications.record(received(ref, 20_000));
    const status = midtrans.status.bind(midtrans);
    midtrans.status = async () => {
      throw new Error('Midtrans 503');
    };

    await sweeper.sweep();
    expect((await payments.findById(paymentId))?.status).toBe('AWAITING_PAYMENT');
    expect(await notifications.listUnfinished(new Date(), 10)).toHaveLength(1);

    midtrans.status = status;
    await sweeper.sweep();
    expect((await payments.findById(paymentId))?.status).toBe('PAID');
    await sweeper.stop();
  });

  it('settles one for no known payment as ignored, with the reason', async () => {
    const { notifications, sweeper } = await settledQris();
    await notifications.record(received('nobody-1-1', 20_000));

    await sweeper.sweep();

    expect(notifications.seen.get('midtrans:nobody-1-1:tx:settlement')).toMatchObject({
      settled: true,
      outcome: 'ignored',
      reason: 'no payment uses this reference',
    });
    await sweeper.stop();
  });
});
