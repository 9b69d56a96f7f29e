import { newEvent, PaymentSessionOpened } from '@pasar/contracts';
import { OutboxImages } from '@pasar/events';
import { testDatabase } from '@pasar/testkit';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProviderRecord, type Payment } from '../domain/payment';
import { paymentIdFor } from '../domain/payment-id';
import { createNotificationLog, createPaymentRepository } from './payment.repository';

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
    paymentId: paymentIdFor(orderId, overrides.attempt ?? 1),
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
    captured: 0,
    refunded: 0,
    failureReason: null,
    providerRecord: emptyProviderRecord(),
    refund: null,
    orderState: 'awaiting',
    correlationId: 'corr-1',
    ...overrides,
  };
}

/** The cash attempt's PaymentSessionOpened, as openPayment writes it with the attempt. */
function sessionOpened(p: Payment) {
  return newEvent(
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
}

describe('payment repository on FerretDB', () => {
  it('stores an attempt with its event in one document', async () => {
    const p = payment('ord_000000000001');
    const evt = sessionOpened(p);

    expect(await repo.insert(p, [evt])).toBe('inserted');

    expect(await repo.findLatestByOrder(p.orderId)).toEqual(p);
    const raw = await db.conn.collection('payments').findOne({ _id: p.paymentId as never });
    expect(raw?.outbox.map((e: { id: string }) => e.id)).toEqual([evt.id]);
    expect(raw?.currency).toBe('IDR');
  });

  it("keeps the outbox it wrote for the relay, byte for byte as stored (the relay's $pullAll needs exactly it)", async () => {
    const images = new OutboxImages();
    const withImages = createPaymentRepository(db.conn, images);
    const p = payment('ord_000000000090');
    const evt = sessionOpened(p);
    expect(await withImages.insert(p, [evt])).toBe('inserted');
    const image = images.take('payments', p.paymentId);
    const raw = await db.conn.collection('payments').findOne({ _id: p.paymentId as never });
    expect(image?.map((e) => e.id)).toEqual([evt.id]);
    const bytes = (v: unknown) => Buffer.from(mongoose.mongo.BSON.serialize({ v }));
    expect(bytes(image).equals(bytes(raw?.outbox))).toBe(true);
    // A duplicate leaves no image: nothing new was written.
    expect(await withImages.insert(p, [evt])).toBe('duplicate');
    expect(images.take('payments', p.paymentId)).toBeUndefined();
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

  it('finds and updates by order through the derived ids, and still finds payments with older random ids', async () => {
    const derived = payment('ord_000000000010');
    const legacy = payment('ord_000000000011', { paymentId: 'pay_01HZRANDOMLEGACY0001' });
    const other = payment('ord_000000000012');
    expect(await repo.insert(other, [])).toBe('inserted');
    expect(await repo.insert(derived, [])).toBe('inserted');
    expect(await repo.insert(legacy, [])).toBe('inserted');
    expect((await repo.findLatestByOrder(derived.orderId))?.paymentId).toBe('pay_000000000010x1');
    expect((await repo.findLatestByOrder(legacy.orderId))?.paymentId).toBe('pay_01HZRANDOMLEGACY0001');
    const at = new Date('2026-11-23T11:00:00.000Z');
    await repo.setOrderState(derived.orderId, 'paid', at);
    await repo.setOrderState(legacy.orderId, 'cancelled', at);
    expect((await repo.findById(derived.paymentId))?.orderState).toBe('paid');
    expect((await repo.findById(legacy.paymentId))?.orderState).toBe('cancelled');
    // Another order's payment is untouched.
    expect((await repo.findLatestByOrder(other.orderId))?.orderState).toBe('awaiting');
  });

  it('applies a guarded change once: status, provider references and the outbox in one write', async () => {
    const p = payment('ord_000000000003', { provider: 'midtrans', paymentMethod: 'qris', status: 'OPENING' });
    await repo.insert(p, []);
    const at = new Date('2026-11-23T10:05:00.000Z');
    const claim = { from: ['OPENING'] as const, addRef: 'ord_000000000003-1-1', expectRefs: 0 };
    expect(await repo.apply(p.paymentId, claim, at)).toBe(true);
    // The same claim again: the reference count moved on, so a concurrent second opener loses.
    expect(await repo.apply(p.paymentId, claim, at)).toBe(false);
    expect((await repo.findByProviderRef('midtrans', 'ord_000000000003-1-1'))?.paymentId).toBe(p.paymentId);
    expect(await repo.findByProviderRef('stripe', 'ord_000000000003-1-1')).toBeNull();

    const open = {
      from: ['OPENING'] as const,
      to: 'AWAITING_PAYMENT' as const,
      provider: { redirectUrl: 'http://x/pay' },
    };
    expect(await repo.apply(p.paymentId, open, at)).toBe(true);
    expect(await repo.apply(p.paymentId, open, at)).toBe(false);
    expect(await repo.findById(p.paymentId)).toMatchObject({
      status: 'AWAITING_PAYMENT',
      updatedAt: at,
      providerRecord: { ref: null, refs: ['ord_000000000003-1-1'], redirectUrl: 'http://x/pay' },
    });
  });

  it('lists stale attempts and a day of a cooperative', async () => {
    const stale = await repo.listStale(['AWAITING_PAYMENT'], new Date('2026-11-23T11:00:00.000Z'), 10);
    expect(stale.map((s) => s.orderId)).toContain('ord_000000000003');
    const day = await repo.listCreatedBetween(
      'karangbesuki',
      new Date('2026-11-23T00:00:00.000Z'),
      new Date('2026-11-24T00:00:00.000Z'),
      100,
    );
    expect(day.length).toBeGreaterThanOrEqual(3);
    expect(await repo.listCreatedBetween('other', new Date(0), new Date(), 100)).toEqual([]);
  });

  it('records a notification once, and tells a handled duplicate from an unfinished one', async () => {
    const log = createNotificationLog(db.conn);
    await log.init();
    const n = {
      key: 'midtrans:o:t:settlement',
      provider: 'midtrans' as const,
      ref: 'o',
      status: 'settlement',
      outcome: 'received',
      reason: null,
      receivedAt: new Date(),
    };
    expect(await log.record(n)).toBe('new');
    expect(await log.record(n)).toBe('seen');
    await log.settle(n.key, 'ignored', 'the status API says pending');
    expect(await log.record(n)).toBe('seen');
    await log.settle(n.key, 'applied', null);
    expect(await log.record(n)).toBe('settled');
  });

  it('lists the notifications whose handling never finished, oldest first, before a time', async () => {
    const log = createNotificationLog(db.conn);
    await log.init();
    const at = (iso: string) => new Date(`2026-11-23T${iso}.000Z`);
    const base = { provider: 'midtrans' as const, status: 'settlement', outcome: 'received', reason: null };
    await log.record({ ...base, key: 'midtrans:u2:t:settlement', ref: 'u2', receivedAt: at('10:02:00') });
    await log.record({ ...base, key: 'midtrans:u1:t:settlement', ref: 'u1', receivedAt: at('10:01:00') });
    await log.record({ ...base, key: 'midtrans:done:t:settlement', ref: 'done', receivedAt: at('10:00:00') });
    await log.settle('midtrans:done:t:settlement', 'applied', null);
    await log.record({ ...base, key: 'midtrans:late:t:settlement', ref: 'late', receivedAt: at('10:09:00') });

    const unfinished = await log.listUnfinished(at('10:05:00'), 10);

    expect(unfinished).toEqual([
      { ...base, key: 'midtrans:u1:t:settlement', ref: 'u1', receivedAt: at('10:01:00') },
      { ...base, key: 'midtrans:u2:t:settlement', ref: 'u2', receivedAt: at('10:02:00') },
    ]);
    expect(await log.listUnfinished(at('10:05:00'), 1)).toHaveLength(1);
  });
});
