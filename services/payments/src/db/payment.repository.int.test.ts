import { newEvent, PaymentSessionOpened } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Payment } from '../domain/payment';
import { createPaymentRepository } from './payment.repository';

let db: Awaited<ReturnType<typeof testDatabase>>;
let repo: ReturnType<typeof createPaymentRepository>;
beforeAll(async () => {
  db = await testDatabase('payments-repo');
  repo = createPaymentRepository(db.conn);
  await repo.init();
});
afterAll(() => db.drop());

function payment(orderId: string, overrides: Partial<Payment> = {}): Payment {
  const at = new Date('2026-11-23T10:00:00.000Z');
  return {
    paymentId: `pay_${orderId.slice(4)}_${overrides.attempt ?? 1}`,
    orderId,
    attempt: 1,
    cooperativeId: 'karangbesuki',
    provider: 'cash',
    paymentMethod: 'cash',
    amount: 30_000,
    status: 'PENDING_COLLECTION',
    expiresAt: new Date('2026-11-23T10:30:00.000Z'),
    createdAt: at,
    updatedAt: at,
    voidReason: null,
    ...overrides,
  };
}

describe('payment repository on FerretDB', () => {
  it('stores an attempt with its event in one document', async () => {
    const p = payment('ord_000000000001');
    const evt = newEvent(
      PaymentSessionOpened,
      p.orderId,
      {
        orderId: p.orderId,
        paymentId: p.paymentId,
        provider: 'cash',
        paymentMethod: 'cash',
        amount: p.amount,
        redirectUrl: null,
      },
      { source: 'urn:pasar:test', cooperativeId: 'karangbesuki' },
    );

    expect(await repo.insert(p, [evt])).toBe('inserted');

    expect(await repo.findLatestByOrder(p.orderId)).toEqual(p);
    const raw = await db.conn.collection('payments').findOne({ _id: p.paymentId as never });
    expect(raw?.outbox.map((e: { id: string }) => e.id)).toEqual([evt.id]);
    expect(raw?.currency).toBe('IDR');
  });

  it('refuses a second attempt 1 for the same order, whatever its paymentId', async () => {
    const again = payment('ord_000000000001', { paymentId: 'pay_other' });
    expect(await repo.insert(again, [])).toBe('duplicate');
    expect(await db.conn.collection('payments').countDocuments({ orderId: 'ord_000000000001' })).toBe(1);
  });

  it('returns the latest attempt of an order', async () => {
    await repo.insert(payment('ord_000000000002'), []);
    await repo.insert(
      payment('ord_000000000002', { attempt: 2, provider: 'stripe', paymentMethod: 'card' }),
      [],
    );
    expect((await repo.findLatestByOrder('ord_000000000002'))?.attempt).toBe(2);
    expect(await repo.findLatestByOrder('ord_000000000404')).toBeNull();
  });

  it('voids only attempts that are still open, once', async () => {
    const at = new Date('2026-11-23T10:05:00.000Z');
    expect(await repo.voidOpen('ord_000000000002', 'cancelled by shopper', at)).toBe(2);
    expect(await repo.voidOpen('ord_000000000002', 'cancelled by shopper', at)).toBe(0);
    expect(await repo.findLatestByOrder('ord_000000000002')).toMatchObject({
      status: 'VOIDED',
      voidReason: 'cancelled by shopper',
      updatedAt: at,
    });
  });
});
