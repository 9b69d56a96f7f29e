import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A } from './accounts';
import { Books } from './books';
import type { BusinessEvent } from './business-event';
import { cr, dr } from './journal';
import { balanceSheet, trialBalance } from './reports';

const COOP = 'karangbesuki';
const rupiah = fc.integer({ min: 1, max: 5_000_000 });
const method = fc.constantFrom('cash' as const, 'transfer' as const);
const when = fc
  .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2026-12-31T23:59:59Z') })
  .map((t) => new Date(t).toISOString());

/** Any business event the ledger hears, with amounts as the producing services would send them. */
const body: fc.Arbitrary<Omit<BusinessEvent, 'eventId' | 'cooperativeId' | 'occurredAt'>> = fc.oneof(
  rupiah.map((amount) => ({ type: 'online_payment_captured' as const, orderId: 'ord_x', amount })),
  fc
    .record({
      paymentMethod: fc.constantFrom('cash' as const, 'online' as const),
      ownGoods: fc.integer({ min: 0, max: 2_000_000 }),
      consignmentGross: fc.integer({ min: 0, max: 2_000_000 }),
      rateBps: fc.integer({ min: 0, max: 3000 }),
      deliveryFee: fc.constantFrom(0, 5_000, 7_000),
    })
    .filter((r) => r.ownGoods + r.consignmentGross > 0)
    .map(({ rateBps, ...r }) => ({
      type: 'order_handed_over' as const,
      orderId: 'ord_y',
      ...r,
      commission: Math.round((r.consignmentGross * rateBps) / 10_000),
    })),
  fc
    .record({
      amount: rupiah,
      via: fc.constantFrom('provider' as const, 'manual' as const),
      captured: fc.boolean(),
    })
    .map((r) => ({
      type: 'refund' as const,
      orderId: 'ord_z',
      ...r,
    })),
  fc.record({ gross: rupiah, rateBps: fc.integer({ min: 0, max: 3000 }) }).map(({ gross, rateBps }) => ({
    type: 'consignment_split' as const,
    orderId: 'ord_y',
    sellerId: 'mbr_sri',
    gross,
    commission: Math.round((gross * rateBps) / 10_000),
  })),
  fc
    .record({ amount: rupiah, method })
    .map((r) => ({ type: 'seller_payout' as const, sellerId: 'mbr_sri', ...r })),
  fc
    .record({
      amount: rupiah,
      method,
      kind: fc.constantFrom('pokok' as const, 'wajib' as const, 'sukarela' as const),
    })
    .map((r) => ({ type: 'savings_deposit' as const, memberId: 'mbr_a', ...r })),
  fc
    .record({ amount: rupiah, method })
    .map((r) => ({ type: 'savings_withdrawal' as const, memberId: 'mbr_a', ...r })),
  fc
    .record({ cadangan: rupiah, undistributed: rupiah })
    .map((r) => ({ type: 'shu_allocated' as const, year: 2026, ...r })),
  fc
    .record({
      amount: rupiah,
      to: fc.constantFrom('sukarela' as const, 'cash' as const, 'transfer' as const),
    })
    .map((r) => ({ type: 'shu_distributed' as const, year: 2026, ...r })),
  rupiah.map((amount) => ({
    type: 'manual' as const,
    memo: 'Listrik bulan ini',
    lines: [dr(A.listrik, amount), cr(A.kas, amount)],
  })),
);

const stream = fc.array(fc.record({ body, occurredAt: when }), { minLength: 1, maxLength: 60 }).map((items) =>
  items.map(
    (it, i) =>
      ({
        ...it.body,
        eventId: `evt_${i}`,
        cooperativeId: COOP,
        occurredAt: it.occurredAt,
      }) as BusinessEvent,
  ),
);

/** Each event 1–3 times, all shuffled: what an at-least-once bus with retries can deliver. */
const deliveries = stream.chain((events) =>
  fc
    .tuple(...events.map(() => fc.integer({ min: 1, max: 3 })))
    .chain((times) =>
      fc.shuffledSubarray(
        events.flatMap((e, i) => Array(times[i]).fill(e) as BusinessEvent[]),
        {
          minLength: times.reduce((a, b) => a + b, 0),
        },
      ),
    )
    .map((delivered) => ({ events, delivered })),
);

const canonical = (b: Books) =>
  b
    .entries()
    .map((e) => JSON.stringify(e))
    .sort();

describe('the books over any stream of business events, delivered 1–3 times in any order', () => {
  it('balance, agree with delivering each event once in order, and keep assets = liabilities + equity', () => {
    fc.assert(
      fc.property(deliveries, ({ events, delivered }) => {
        const books = new Books(COOP);
        for (const ev of delivered) books.post(ev);
        const once = new Books(COOP);
        for (const ev of events) once.post(ev);

        expect(books.entries()).toHaveLength(events.length);
        for (const e of books.entries()) {
          const debit = e.lines.reduce((s, l) => s + l.debit, 0);
          const credit = e.lines.reduce((s, l) => s + l.credit, 0);
          expect(debit).toBe(credit);
          expect(debit).toBeGreaterThan(0);
        }
        const rows = trialBalance(books.entries());
        expect(rows.reduce((s, r) => s + r.debit - r.credit, 0)).toBe(0);
        const sheet = balanceSheet(rows);
        expect(sheet.totalAset).toBe(sheet.totalKewajiban + sheet.totalEkuitas);
        expect(sheet.balanced).toBe(true);
        expect(canonical(books)).toEqual(canonical(once));
      }),
      { numRuns: 300 },
    );
  });
});
