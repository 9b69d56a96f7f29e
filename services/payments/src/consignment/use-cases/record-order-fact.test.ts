import { describe, expect, it } from 'vitest';
import { summarise } from '../domain/account';
import type { Fact } from '../domain/order-facts';
import { newOrderId, orderLine, tell } from '../testing/builders';
import { fakeConsignment, SELLERS } from '../testing/fakes';

const T = (h: number) => new Date(Date.UTC(2026, 10, 10, h));
const sri = SELLERS.sri.sellerId;
const yanti = SELLERS.yanti.sellerId;
const lines = [
  orderLine(sri, 'keripik', 15_000, 2),
  orderLine(yanti, 'kue', 5_000, 1),
  orderLine('mbr_kb_koperasi', 'lpg', 20_000),
];
const placed: Fact = { kind: 'lines', lines };
const paid: Fact = { kind: 'moneyIn', at: T(1) };
const handedOver: Fact = { kind: 'completed', at: T(3), notaNumber: 'KB-20261110-0007' };
const refunded: Fact = { kind: 'refund', at: T(2), reason: 'payment_refunded' };

/** `guessNew`: a batch that starts with the lines is told as a placement is (insert first, read on a clash). */
async function run(batches: Fact[][], guessNew = false) {
  const { deps, store } = fakeConsignment(() => T(5));
  const orderId = newOrderId();
  for (const facts of batches)
    await tell(deps, orderId, facts, 'karangbesuki', guessNew && facts[0]?.kind === 'lines');
  const account = async (id: string) => {
    const a = await store.getAccount('karangbesuki', id);
    return a ? { ...summarise(a), kinds: a.entries.map((e) => e.kind), anomalies: a.anomalies.length } : null;
  };
  return { sri: await account(sri), yanti: await account(yanti), store };
}

describe('recognition from events in any order', () => {
  it.each([
    ['placed, paid', [[placed], [paid]], { balance: 27_000, pending: 27_000 }],
    [
      'paid before the lines arrive (another topic ran ahead)',
      [[paid], [placed]],
      { balance: 27_000, pending: 27_000 },
    ],
    ['placed, paid, handed over', [[placed], [paid], [handedOver]], { balance: 27_000, pending: 0 }],
    [
      'cash: lines, money and handover in one event',
      [[placed, paid, handedOver]],
      { balance: 27_000, pending: 0 },
    ],
    ['placed, handed over without money (not a sale)', [[placed], [handedOver]], null],
    ['placed, never paid', [[placed]], null],
    ['placed, paid, refunded before handover', [[placed], [paid], [refunded]], { balance: 0, pending: 0 }],
    [
      'cancelled before payment, then paid late (money goes back)',
      [[placed], [refunded], [paid]],
      { balance: 0, pending: 0 },
    ],
    [
      'handed over, then refunded: an anomaly, the balance stays',
      [[placed], [paid], [handedOver], [refunded]],
      { balance: 27_000, anomalies: 1 },
    ],
    [
      'every event delivered twice',
      [[placed], [placed], [paid], [paid], [handedOver], [handedOver]],
      { balance: 27_000, pending: 0 },
    ],
  ] as const)('%s', async (_, batches, expected) => {
    // The same outcome whether a placement reads first or inserts first and reads on a clash.
    for (const guessNew of [false, true]) {
      const { sri: account } = await run(batches as unknown as Fact[][], guessNew);
      if (expected === null) expect(account).toBeNull();
      else expect(account).toMatchObject(expected);
    }
  });

  it('a placement of a new order saves its lines without reading; one after another fact reads and merges', async () => {
    const { deps, store } = fakeConsignment(() => T(5));
    let reads = 0;
    const getFacts = store.getFacts.bind(store);
    store.getFacts = (id: string) => {
      reads++;
      return getFacts(id);
    };
    const first = newOrderId();
    await tell(deps, first, [placed], 'karangbesuki', true);
    expect(reads).toBe(0);
    expect((await getFacts(first))?.lines).toEqual(lines);

    const late = newOrderId(); // money came first (another topic ran ahead)
    await tell(deps, late, [paid]);
    reads = 0;
    await tell(deps, late, [placed], 'karangbesuki', true);
    expect(reads).toBe(1);
    expect(await getFacts(late)).toMatchObject({ lines, moneyInAt: T(1), version: 2 });
  });

  it("books each seller's own lines; the cooperative's own goods are not consignment", async () => {
    const r = await run([[placed], [paid]]);
    expect(r.sri).toMatchObject({ kinds: ['sale', 'commission'], balance: 27_000 });
    expect(r.yanti).toMatchObject({ kinds: ['sale', 'commission'], balance: 4_500 });
    expect(r.store.accounts.has('karangbesuki:mbr_kb_koperasi')).toBe(false);
  });

  it('a category rate applies to products of that category', async () => {
    const { deps, store } = fakeConsignment();
    await store.upsertProduct({
      productId: 'keripik',
      cooperativeId: 'karangbesuki',
      category: 'makanan-ringan',
      version: 1,
    });
    store.settings.set('karangbesuki', {
      cooperativeId: 'karangbesuki',
      commissionBps: 1000,
      categoryBps: { 'makanan-ringan': 500 },
      version: 1,
      updatedAt: null,
      updatedBy: null,
    });
    await tell(deps, newOrderId(), [placed, paid]);
    expect(summarise((await store.getAccount('karangbesuki', sri))!).commission).toBe(1_500);
    expect(summarise((await store.getAccount('karangbesuki', yanti))!).commission).toBe(500);
  });

  it('the nota number reaches every line at handover; events go out once per sale and refund', async () => {
    const { deps, store } = fakeConsignment();
    const orderId = newOrderId();
    await tell(deps, orderId, [placed, paid]);
    await tell(deps, orderId, [handedOver]);
    await tell(deps, orderId, [handedOver]);
    const a = (await store.getAccount('karangbesuki', sri))!;
    expect(a.entries.map((e) => e.notaNumber)).toEqual(['KB-20261110-0007', 'KB-20261110-0007']);
    expect(store.events.map((e) => [e.type, e.subject])).toEqual([
      ['pasar.payments.consignment.sale-recorded', sri],
      ['pasar.payments.consignment.sale-recorded', yanti],
    ]);
    expect(store.events[0]?.data).toMatchObject({ orderId, gross: 30_000, commission: 3_000, net: 27_000 });
  });
});
