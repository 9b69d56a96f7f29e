import { testDatabase } from '@pasar/testkit';
import { createLogger } from '@pasar/events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarise } from '../domain/account';
import { newOrderId, orderLine, tell } from '../testing/builders';
import { SELLERS } from '../testing/fakes';
import type { ConsignmentDeps } from '../use-cases/ports';
import { getSellerConsignment } from '../use-cases/read-consignment';
import { recordSellerPayout } from '../use-cases/record-payout';
import { createConsignmentStore } from './consignment.store';

let db: Awaited<ReturnType<typeof testDatabase>>;
let mongo: ReturnType<typeof createConsignmentStore>;
let deps: ConsignmentDeps;
const written: string[] = [];
const BENDAHARA = {
  personId: 'per_kb_bendahara',
  sessionId: 's',
  grants: [{ cooperativeId: 'karangbesuki', roles: ['pengurus' as const], position: 'bendahara' as const }],
  platform: [],
};

beforeAll(async () => {
  db = await testDatabase('consignment-store');
  mongo = createConsignmentStore(db.conn);
  await mongo.init();
  deps = {
    store: mongo.store,
    logger: createLogger('consignment-int', 'silent'),
    onEventsWritten: (d) => written.push(`${d.collection}/${d.id}`),
  };
  for (const s of Object.values(SELLERS)) await mongo.store.upsertSeller(s);
});
afterAll(() => db?.drop());

/** A seller with Rp `net` available: one sale of Rp net/0.9, handed over, at the default 10 %. */
async function sellerWithAvailable(seller: (typeof SELLERS)[keyof typeof SELLERS], lineTotal: number) {
  await tell(
    deps,
    newOrderId(),
    [
      { kind: 'lines', lines: [orderLine(seller.sellerId, 'keripik', lineTotal)] },
      { kind: 'moneyIn', at: new Date() },
      { kind: 'completed', at: new Date(), notaNumber: 'KB-1' },
    ],
    seller.cooperativeId,
  );
  return (await getSellerConsignment(deps, seller)).availableForPayout;
}

describe('consignment store on FerretDB', () => {
  it('concurrent payouts never together exceed what is available', async () => {
    const seller = SELLERS.sri;
    expect(await sellerWithAvailable(seller, 100_000)).toBe(90_000);
    // Ten bendahara clicks at once, Rp 40.000 each: only two fit into Rp 90.000.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        recordSellerPayout(deps, BENDAHARA, seller, {
          amount: 40_000,
          method: 'transfer',
          note: '',
          receiptNumber: `TRF-${i}`,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason.code);
    expect(ok).toHaveLength(2);
    expect(
      refused.every((c) => c === 'CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE' || c === 'CONSIGNMENT.BUSY'),
    ).toBe(true);
    expect(refused).toContain('CONSIGNMENT.PAYOUT_EXCEEDS_AVAILABLE');
    const account = await mongo.store.getAccount('karangbesuki', seller.sellerId);
    expect(summarise(account!)).toMatchObject({
      balance: 10_000,
      availableForPayout: 10_000,
      payouts: 80_000,
    });
    // The two payouts' events (and audits) are in the account's outbox, written with them.
    const doc = await mongo.accounts.findOne({ _id: `karangbesuki:${seller.sellerId}` });
    const types = (doc?.outbox ?? []).map((o) => o.envelope.type);
    expect(types.filter((t) => t === 'pasar.payments.consignment.payout-recorded')).toHaveLength(2);
    expect(types.filter((t) => t === 'pasar.audit.entry.recorded')).toHaveLength(2);
    expect(doc?.summary).toMatchObject({ balance: 10_000, availableForPayout: 10_000 });
  });

  it('the same sale told concurrently (a redelivery racing the first delivery) is booked once', async () => {
    const seller = SELLERS.yanti;
    const orderId = newOrderId();
    const facts = [
      { kind: 'lines' as const, lines: [orderLine(seller.sellerId, 'kue', 20_000)] },
      { kind: 'moneyIn' as const, at: new Date() },
    ];
    await Promise.all(Array.from({ length: 5 }, () => tell(deps, orderId, facts)));
    const account = await mongo.store.getAccount('karangbesuki', seller.sellerId);
    expect(account?.entries.map((e) => e.kind)).toEqual(['sale', 'commission']);
    expect(summarise(account!)).toMatchObject({ balance: 18_000, pending: 18_000 });
  });

  it('keeps a product category only from a newer product version', async () => {
    await mongo.store.upsertProduct({
      productId: 'p1',
      cooperativeId: 'karangbesuki',
      category: 'minuman',
      version: 2,
    });
    await mongo.store.upsertProduct({
      productId: 'p1',
      cooperativeId: 'karangbesuki',
      category: 'sembako',
      version: 1,
    });
    expect((await mongo.store.categories(['p1'])).get('p1')).toBe('minuman');
    await mongo.store.upsertProduct({
      productId: 'p1',
      cooperativeId: 'karangbesuki',
      category: 'sembako',
      version: 3,
    });
    expect((await mongo.store.categories(['p1'])).get('p1')).toBe('sembako');
  });

  it('a save guarded on a stale version is refused', async () => {
    const a = await mongo.store.getAccount('karangbesuki', SELLERS.sri.sellerId);
    expect(await mongo.store.saveAccount(a!, [])).toBe(true);
    expect(await mongo.store.saveAccount(a!, [])).toBe(false);
  });
});
