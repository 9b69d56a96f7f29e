import {
  ConsignmentPayoutRecorded,
  ConsignmentRefundRecorded,
  ConsignmentSaleRecorded,
  type Envelope,
  type EventDefinition,
  OrderCompleted,
  PaymentRefunded,
  PaymentSessionOpened,
  PaymentSucceeded,
  SavingsDeposited,
  SavingsWithdrawn,
} from '@pasar/contracts';
import { sampleEnvelope } from '@pasar/contracts/fixtures';
import type { HandlerContext } from '@pasar/events';
import { describe, expect, it } from 'vitest';
import { fakeApp } from '../testing/fakes';
import { subscriptions } from './subscriptions';

const ORDER = 'ord_01JD0000000000000000000000';
const line = (sellerId: string, lineTotal: number) => ({
  productId: `p_${sellerId}`,
  sellerId,
  name: 'Barang',
  unit: 'pcs' as const,
  unitPrice: lineTotal,
  quantity: 1,
  lineTotal,
});
let n = 0;
function envelope(def: EventDefinition, data: Record<string, unknown>): Envelope {
  const base = sampleEnvelope(def.type);
  return def.envelope.parse({
    ...base,
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    time: '2026-02-10T03:00:00.000Z',
    data: { ...(base.data as object), ...data },
  }) as Envelope;
}
const ctx: HandlerContext = { topic: 't', partition: 0, offset: '0', attempt: 1 };

function consumer() {
  const app = fakeApp();
  const subs = subscriptions(app.deps);
  const deliver = async (e: Envelope) => {
    const sub = subs.find((s) => s.definition.type === e.type);
    if (!sub) throw new Error(`no subscription for ${e.type}`);
    await sub.handle(e as never, ctx);
  };
  const entry = (e: Envelope) => app.journal.rows.get(`je_${e.id}`);
  return { ...app, deliver, entry };
}

describe('events the ledger books', () => {
  it('books an online capture as money at the provider owed back as a prepayment', async () => {
    const c = consumer();
    await c.deliver(
      envelope(PaymentSessionOpened, {
        orderId: ORDER,
        paymentId: 'pay_on',
        provider: 'midtrans',
        paymentMethod: 'qris',
      }),
    );
    const paid = envelope(PaymentSucceeded, { orderId: ORDER, paymentId: 'pay_on', amount: 65_000 });
    await c.deliver(paid);
    expect(c.entry(paid)?.lines).toEqual([
      { account: '1-1300', debit: 65_000, credit: 0 },
      { account: '2-1400', debit: 0, credit: 65_000 },
    ]);
  });

  it("posts nothing for a cash payment's success: the cash is booked at handover", async () => {
    const c = consumer();
    await c.deliver(
      envelope(PaymentSessionOpened, {
        orderId: ORDER,
        paymentId: 'pay_cash',
        provider: 'cash',
        paymentMethod: 'cash',
      }),
    );
    await c.deliver(envelope(PaymentSucceeded, { orderId: ORDER, paymentId: 'pay_cash', amount: 30_000 }));
    expect(c.journal.rows.size).toBe(0);
  });

  it('refuses (for retry, then the DLQ) a success for a payment it never heard opened', async () => {
    const c = consumer();
    await expect(
      c.deliver(envelope(PaymentSucceeded, { paymentId: 'pay_ghost', amount: 1 })),
    ).rejects.toThrow(/pay_ghost/);
  });

  it('books a handover as sales of every line plus the delivery fee (total − lines)', async () => {
    const c = consumer();
    const done = envelope(OrderCompleted, {
      orderId: ORDER,
      paymentMethod: 'cash',
      total: 57_000,
      cashReceived: 60_000,
      lines: [line('coop', 20_000), line('mbr_sri', 30_000)],
    });
    await c.deliver(done);
    expect(c.entry(done)?.lines).toEqual([
      { account: '1-1100', debit: 57_000, credit: 0 },
      { account: '4-1100', debit: 0, credit: 50_000 },
      { account: '4-1300', debit: 0, credit: 7_000 },
    ]);
  });

  const consignmentSale = () =>
    envelope(ConsignmentSaleRecorded, {
      orderId: ORDER,
      sellerId: 'mbr_sri',
      gross: 30_000,
      commission: 3_000,
      net: 27_000,
    });
  const consignmentHandover = () =>
    envelope(OrderCompleted, {
      orderId: ORDER,
      paymentMethod: 'cash',
      total: 50_000,
      cashReceived: 50_000,
      lines: [line('coop', 20_000), line('mbr_sri', 30_000)],
    });
  const SPLIT = `je_consignment-${ORDER}-mbr_sri`;

  it.each([
    ['the sale, then the handover', true],
    ['the handover, then the sale', false],
  ])(
    'moves a seller’s lines to what is owed them, less the commission, whichever comes first (%s)',
    async (_o, saleFirst) => {
      const c = consumer();
      const sale = consignmentSale();
      const done = consignmentHandover();
      for (const e of saleFirst ? [sale, done, sale] : [done, sale, done]) await c.deliver(e);
      const split = c.journal.rows.get(SPLIT);
      expect(split?.lines).toEqual([
        { account: '4-1100', debit: 30_000, credit: 0 },
        { account: '2-1100', debit: 0, credit: 27_000 },
        { account: '4-1200', debit: 0, credit: 3_000 },
      ]);
      expect(split?.occurredAt).toBe(c.entry(done)?.occurredAt);
      expect(c.journal.rows.size).toBe(2);
    },
  );

  it('never splits a sale undone before handover, and books a payout against what is owed', async () => {
    const c = consumer();
    await c.deliver(consignmentSale());
    await c.deliver(envelope(ConsignmentRefundRecorded, { orderId: ORDER, sellerId: 'mbr_sri' }));
    expect(c.journal.rows.size).toBe(0);
    // Even if a handover were heard for it afterwards, the undone sale stays unsplit.
    await c.deliver(consignmentHandover());
    expect(c.journal.rows.has(SPLIT)).toBe(false);
    const payout = envelope(ConsignmentPayoutRecorded, {
      sellerId: 'mbr_sri',
      amount: 27_000,
      method: 'transfer',
    });
    await c.deliver(payout);
    expect(c.entry(payout)?.lines).toEqual([
      { account: '2-1100', debit: 27_000, credit: 0 },
      { account: '1-1200', debit: 0, credit: 27_000 },
    ]);
  });

  it('turns an online prepayment into the sale at handover', async () => {
    const c = consumer();
    const done = envelope(OrderCompleted, {
      paymentMethod: 'qris',
      total: 30_000,
      cashReceived: null,
      lines: [line('coop', 30_000)],
    });
    await c.deliver(done);
    expect(c.entry(done)?.lines).toEqual([
      { account: '2-1400', debit: 30_000, credit: 0 },
      { account: '4-1100', debit: 0, credit: 30_000 },
    ]);
  });

  it.each([
    [
      'order_cancelled',
      'provider',
      [
        ['2-1400', 30_000, 0],
        ['1-1300', 0, 30_000],
      ],
    ],
    [
      'order_cancelled',
      'manual',
      [
        ['2-1400', 30_000, 0],
        ['1-1200', 0, 30_000],
      ],
    ],
    [
      'paid_after_expiry',
      'provider',
      [
        ['1-1300', 30_000, 0],
        ['1-1300', 0, 30_000],
      ],
    ],
    [
      'paid_after_cancel',
      'manual',
      [
        ['1-1300', 30_000, 0],
        ['1-1200', 0, 30_000],
      ],
    ],
  ])('books a refund (%s, %s) against what the books held', async (reason, via, expected) => {
    const c = consumer();
    const refunded = envelope(PaymentRefunded, { amount: 30_000, reason, via });
    await c.deliver(refunded);
    expect(c.entry(refunded)?.lines.map((l) => [l.account, l.debit, l.credit])).toEqual(expected);
  });

  it('books savings: pokok and wajib as equity, sukarela as owed to the member', async () => {
    const c = consumer();
    const pokok = envelope(SavingsDeposited, {
      kind: 'pokok',
      amount: 100_000,
      method: 'cash',
      months: undefined,
    });
    const wajib = envelope(SavingsDeposited, {
      kind: 'wajib',
      amount: 30_000,
      method: 'transfer',
      months: 3,
    });
    const out = envelope(SavingsWithdrawn, { amount: 50_000, method: 'cash' });
    for (const e of [pokok, wajib, out]) await c.deliver(e);
    expect(c.entry(pokok)?.lines.map((l) => l.account)).toEqual(['1-1100', '3-1100']);
    expect(c.entry(wajib)?.lines.map((l) => l.account)).toEqual(['1-1200', '3-1200']);
    expect(c.entry(out)?.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['2-1200', 50_000, 0],
      ['1-1100', 0, 50_000],
    ]);
  });

  it('posts one entry however often an event is delivered', async () => {
    const c = consumer();
    const e = envelope(SavingsDeposited, { kind: 'sukarela', amount: 25_000, months: undefined });
    for (let i = 0; i < 3; i++) await c.deliver(e);
    expect(c.journal.rows.size).toBe(1);
  });
});

describe('the savings contracts', () => {
  it('refuse months on a deposit that is not wajib, a withdrawal from pokok, and zero rupiah', () => {
    const bad = [
      [SavingsDeposited, { kind: 'sukarela', months: 2 }, 'months'],
      [SavingsWithdrawn, { kind: 'pokok' }, 'kind'],
      [SavingsDeposited, { amount: 0 }, 'amount'],
    ] as const;
    for (const [def, data, field] of bad) {
      const base = sampleEnvelope(def.type);
      const r = def.envelope.safeParse({ ...base, data: { ...(base.data as object), ...data } });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['data', field]);
    }
  });
});
