import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Account, emptyAccount, summarise } from '../domain/account';
import { commissionOf } from '../domain/commission';
import { monthsOf, statementFor, statementsAgree } from '../domain/statement';
import { newOrderId, orderLine, tell } from '../testing/builders';
import { fakeConsignment, SELLERS } from '../testing/fakes';
import { putCommissionSettings } from './commission-settings';
import { getSellerConsignment, getStatement } from './read-consignment';
import { recordSellerPayout } from './record-payout';

const BENDAHARA = {
  personId: 'per_kb_bendahara',
  sessionId: 's',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['pengurus' as const], position: 'bendahara' as const }],
  platform: [],
};
const sri = SELLERS.sri;
const yanti = SELLERS.yanti;

/** Every line of every month's statement, summed: must be the balance. */
function statementSum(a: Account): number {
  return monthsOf(a)
    .flatMap((m) => statementFor(a, m).lines)
    .reduce((s, l) => s + l.amount, 0);
}

describe('a hand-worked example, to the rupiah', () => {
  it('3 sales at 10 % and 12,5 %, one refund, one refused and one accepted payout', async () => {
    let now = new Date('2026-11-02T02:00:00Z');
    const { deps, store } = fakeConsignment(() => now);
    const [o1, o2, o3] = [newOrderId(), newOrderId(), newOrderId()];
    const place = (orderId: string, unitPrice: number, quantity: number, at: string) =>
      tell(deps, orderId, [
        { kind: 'lines', lines: [orderLine(sri.sellerId, `prod-${orderId}`, unitPrice, quantity)] },
        { kind: 'moneyIn', at: new Date(at) },
      ]);

    // 1. Keripik 2 × Rp 15.000 = Rp 30.000 paid by QRIS at the default 10 %: commission Rp 3.000.
    await place(o1, 15_000, 2, '2026-11-02T02:00:00Z');
    // 2. The bendahara sets 12,5 % (1250 bps). Order 1 keeps its 10 %.
    now = new Date('2026-11-03T02:00:00Z');
    await putCommissionSettings(deps, BENDAHARA, 'karangbesuki', { commissionBps: 1250, categoryBps: {} });
    // 3. Kue 3 × Rp 4.500 = Rp 13.500 at 12,5 % = Rp 1.687,5 → Rp 1.688 (half up).
    await place(o2, 4_500, 3, '2026-11-04T02:00:00Z');
    // 4. Rp 7.777 at 12,5 % = Rp 972,125 → Rp 972.
    await place(o3, 7_777, 1, '2026-11-05T02:00:00Z');
    // 5. Orders 1 and 2 are handed over; order 3 is cancelled before handover (refund: −7.777 + 972).
    await tell(deps, o1, [{ kind: 'completed', at: new Date('2026-11-06T02:00:00Z'), notaNumber: 'KB-1' }]);
    await tell(deps, o2, [{ kind: 'completed', at: new Date('2026-11-06T03:00:00Z'), notaNumber: 'KB-2' }]);
    await tell(deps, o3, [
      { kind: 'refund', at: new Date('2026-11-06T04:00:00Z'), reason: 'order_cancelled' },
    ]);

    // 30.000 − 3.000 + 13.500 − 1.688 + 7.777 − 972 − 7.777 + 972 = 38.812
    let view = await getSellerConsignment(deps, sri);
    expect(view).toMatchObject({
      balance: 38_812,
      pending: 0,
      availableForPayout: 38_812,
      commission: 5_660,
    });

    // 6. A payout of Rp 40.000 is more than is available: refused, nothing changes.
    const pay = (amount: number) =>
      recordSellerPayout(deps, BENDAHARA, sri, { amount, method: 'cash', note: '', receiptNumber: 'KW-1' });
    await expect(pay(40_000)).rejects.toMatchObject({ code: 'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE' });
    // 7. Rp 20.000 in cash: Rp 18.812 left.
    now = new Date('2026-11-07T02:00:00Z');
    await pay(20_000);
    view = await getSellerConsignment(deps, sri);
    expect(view).toMatchObject({ balance: 18_812, availableForPayout: 18_812, payouts: 20_000 });

    const statement = await getStatement(deps, sri, '2026-11');
    expect(statement.lines.map((l) => [l.kind, l.notaNumber, l.amount])).toEqual([
      ['sale', 'KB-1', 30_000],
      ['commission', 'KB-1', -3_000],
      ['sale', 'KB-2', 13_500],
      ['commission', 'KB-2', -1_688],
      ['sale', null, 7_777],
      ['commission', null, -972],
      ['refund', null, -7_777],
      ['commission_reversal', null, 972],
      ['payout', null, -20_000],
    ]);
    expect(statement).toMatchObject({ openingBalance: 0, closingBalance: 18_812 });
    expect(store.events.map((e) => e.type)).toEqual([
      'pasar.payments.consignment.sale-recorded',
      'pasar.audit.entry.recorded',
      'pasar.payments.consignment.sale-recorded',
      'pasar.payments.consignment.sale-recorded',
      'pasar.payments.consignment.refund-recorded',
      'pasar.payments.consignment.payout-recorded',
      'pasar.audit.entry.recorded',
    ]);
  });
});

type Op =
  | { op: 'place'; sellers: number[]; prices: number[]; cash: boolean; next: 'nothing' | 'pay' | 'handover' }
  | { op: 'pay'; order: number }
  | { op: 'complete'; order: number }
  | { op: 'refund'; order: number }
  | { op: 'rate'; bps: number; snackBps: number | null }
  | { op: 'payout'; seller: number; amount: number | { percentOfAvailable: number } }
  | { op: 'redeliver'; order: number };

const order = fc.nat(30);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('place' as const),
      sellers: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
      prices: fc.array(fc.integer({ min: 1, max: 250_000 }), { minLength: 3, maxLength: 3 }),
      cash: fc.boolean(),
      next: fc.constantFrom('nothing' as const, 'pay' as const, 'handover' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('pay' as const), order }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('complete' as const), order }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refund' as const), order }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('redeliver' as const), order }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('rate' as const),
      bps: fc.integer({ min: 0, max: 10_000 }),
      snackBps: fc.option(fc.integer({ min: 0, max: 10_000 })),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('payout' as const),
      seller: fc.integer({ min: 0, max: 1 }),
      amount: fc.oneof(
        fc.integer({ min: 1, max: 600_000 }),
        fc.record({ percentOfAvailable: fc.integer({ min: 1, max: 120 }) }),
      ),
    }),
  },
);

describe('for any sequence of sales, handovers, refunds, rate changes and payouts', () => {
  const stats = { paid: 0, refunds: 0 };
  it('the balance is the sum of the statement lines, never below zero; payouts above what is available are refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 40 }), fc.nat(1000), async (ops, seed) => {
        let now = new Date(Date.UTC(2026, 0, 1) + seed * 3_600_000);
        const { deps, store } = fakeConsignment(() => now);
        // Seller index 2 is the cooperative's own gerai: not a consignment seller.
        const sellerIds = [sri.sellerId, yanti.sellerId, 'mbr_kb_koperasi'];
        await store.upsertProduct({
          productId: 'snack',
          cooperativeId: 'karangbesuki',
          category: 'makanan-ringan',
          version: 1,
        });
        const orders: { id: string; cash: boolean; last: Parameters<typeof tell>[2] }[] = [];
        // The rate in force when each order's money came in (model of "never retroactive").
        const rateAtMoneyIn = new Map<string, { bps: number; snackBps: number | null }>();
        let rate = { bps: 1000, snackBps: null as number | null };
        for (const o of ops) {
          now = new Date(now.getTime() + 7 * 3_600_000); // months pass: statements have openings
          const order = 'order' in o ? orders[o.order % Math.max(orders.length, 1)] : undefined;
          const moneyIn = (id: string) => {
            if (!rateAtMoneyIn.has(id)) rateAtMoneyIn.set(id, { ...rate });
          };
          if (o.op === 'place') {
            const id = newOrderId();
            const lines = o.sellers.map((s, i) =>
              orderLine(sellerIds[s]!, i === 0 ? 'snack' : `p${i}`, o.prices[i]!, 1 + (i % 2)),
            );
            const nota = `KB-${id.slice(-4)}`;
            // Paid online right away (a cash order pays only at handover), or paid and handed over.
            const then: Parameters<typeof tell>[2] = [];
            if (o.next === 'handover' || (o.next === 'pay' && !o.cash))
              then.push({ kind: 'moneyIn', at: now });
            if (o.next === 'handover') then.push({ kind: 'completed', at: now, notaNumber: nota });
            if (then.length > 0) moneyIn(id);
            orders.push({ id, cash: o.cash, last: [{ kind: 'lines', lines }, ...then] });
            await tell(deps, id, [{ kind: 'lines', lines }, ...then]);
          } else if (o.op === 'pay' && order && !order.cash) {
            moneyIn(order.id);
            order.last = [{ kind: 'moneyIn', at: now }];
            await tell(deps, order.id, order.last);
          } else if (o.op === 'complete' && order) {
            if (order.cash) moneyIn(order.id);
            order.last = [
              ...(order.cash ? [{ kind: 'moneyIn' as const, at: now }] : []),
              { kind: 'completed', at: now, notaNumber: `KB-${order.id.slice(-4)}` },
            ];
            await tell(deps, order.id, order.last);
          } else if (o.op === 'refund' && order) {
            order.last = [{ kind: 'refund', at: now, reason: 'payment_refunded' }];
            const f = await tell(deps, order.id, order.last);
            if (f.recognition?.sellers.length && f.refund && !f.refund.afterHandover) stats.refunds++;
          } else if (o.op === 'redeliver' && order) {
            await tell(deps, order.id, order.last);
          } else if (o.op === 'rate') {
            rate = { bps: o.bps, snackBps: o.snackBps };
            const categoryBps = o.snackBps === null ? {} : { 'makanan-ringan': o.snackBps };
            await putCommissionSettings(deps, BENDAHARA, 'karangbesuki', {
              commissionBps: o.bps,
              categoryBps,
            });
          } else if (o.op === 'payout') {
            const seller = o.seller === 0 ? sri : yanti;
            const before = summarise(
              (await store.getAccount('karangbesuki', seller.sellerId)) ??
                emptyAccount('karangbesuki', seller.sellerId),
            );
            const amount =
              typeof o.amount === 'number'
                ? o.amount
                : Math.max(1, Math.floor((before.availableForPayout * o.amount.percentOfAvailable) / 100));
            const attempt = recordSellerPayout(deps, BENDAHARA, seller, {
              amount,
              method: 'transfer',
              note: '',
              receiptNumber: 'TRF-1',
            });
            if (amount > before.availableForPayout)
              await expect(attempt).rejects.toMatchObject({ code: 'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE' });
            else {
              await attempt;
              stats.paid++;
            }
          }
          for (const seller of [sri, yanti]) {
            const a =
              (await store.getAccount('karangbesuki', seller.sellerId)) ??
              emptyAccount('karangbesuki', seller.sellerId);
            const s = summarise(a);
            expect(s.balance).toBe(statementSum(a));
            expect(statementsAgree(a)).toBe(true);
            expect(s.balance).toBeGreaterThanOrEqual(0);
            expect(s.pending).toBeGreaterThanOrEqual(0);
            expect(s.availableForPayout).toBeGreaterThanOrEqual(0);
          }
        }
        // Every commission is the rate in force when that order's money came in, never a later one.
        expect(store.accounts.has('karangbesuki:mbr_kb_koperasi')).toBe(false);
        for (const a of store.accounts.values()) {
          for (const e of a.entries.filter((x) => x.kind === 'commission')) {
            const sale = a.entries.find((x) => x.id === e.id.replace('commission:', 'sale:'))!;
            const r = rateAtMoneyIn.get(e.orderId!)!;
            const bps = e.productId === 'snack' && r.snackBps !== null ? r.snackBps : r.bps;
            expect(-e.amount).toBe(commissionOf(sale.amount, bps));
          }
        }
      }),
      { numRuns: 150 },
    );
    // The runs exercised the interesting paths, not only refusals.
    expect(stats.paid).toBeGreaterThan(20);
    expect(stats.refunds).toBeGreaterThan(5);
  }, 60_000);
});
