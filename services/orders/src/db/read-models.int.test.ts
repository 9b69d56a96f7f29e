import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCooperative, aProduct } from '../test/fixtures';
import { type CooperativeDoc, MongoCooperativeStore } from './cooperative.repository';
import { mongoDeps } from '../test/mongo-deps';
import { addCartLine } from '../use-cases/add-cart-line';
import { createCart } from '../use-cases/create-cart';
import { getCart } from '../use-cases/get-cart';

let t: Awaited<ReturnType<typeof mongoDeps>>;
beforeAll(async () => {
  t = await mongoDeps();
});
afterAll(() => t.drop());

describe('product read model', () => {
  it('never lets an older or repeated snapshot overwrite a newer one', async () => {
    const v1 = aProduct({ price: 15_000, version: 1 });
    expect(await t.stores.products.upsert(v1)).toBe('applied');
    expect(await t.stores.products.upsert({ ...v1, price: 17_000, version: 3 })).toBe('applied');
    expect(await t.stores.products.upsert({ ...v1, price: 16_000, version: 2 })).toBe('stale');
    expect(await t.stores.products.upsert({ ...v1, price: 99_000, version: 3 })).toBe('stale');
    expect(await t.stores.products.findById(v1.productId)).toMatchObject({ price: 17_000, version: 3 });
  });

  it('finds many by id, skipping unknown ones', async () => {
    const a = aProduct();
    await t.stores.products.upsert(a);
    const found = await t.stores.products.findMany([a.productId, 'ffffffffffffffffffffffff', a.productId]);
    expect([...found.keys()]).toEqual([a.productId]);
  });
});

describe('cooperative read model', () => {
  it('keeps the newest snapshot by event time', async () => {
    const id = `koperasi-${Date.now()}`;
    await t.stores.cooperatives.upsert(
      aCooperative({ cooperativeId: id, deliveryFee: 7_000 }),
      new Date('2026-01-02'),
    );
    expect(
      await t.stores.cooperatives.upsert(
        aCooperative({ cooperativeId: id, deliveryFee: 1 }),
        new Date('2026-01-01'),
      ),
    ).toBe('stale');
    expect((await t.stores.cooperatives.findById(id))?.deliveryFee).toBe(7_000);
  });

  it('serves reads from memory for a few seconds, and never past an upsert of its own', async () => {
    let now = Date.parse('2026-12-03T10:00:00Z');
    const store = new MongoCooperativeStore(
      t.db.conn.db!.collection<CooperativeDoc>('cooperatives'),
      5_000,
      () => now,
    );
    const id = `koperasi-cache-${Date.now()}`;
    await store.upsert(aCooperative({ cooperativeId: id, deliveryFee: 5_000 }), new Date('2026-01-01'));
    expect((await store.findById(id))?.deliveryFee).toBe(5_000);

    // another instance applies a newer snapshot: this one answers from memory until the time is up
    await t.stores.cooperatives.upsert(
      aCooperative({ cooperativeId: id, deliveryFee: 6_000 }),
      new Date('2026-01-02'),
    );
    now += 4_000;
    expect((await store.findById(id))?.deliveryFee).toBe(5_000);
    now += 1_001;
    expect((await store.findById(id))?.deliveryFee).toBe(6_000);

    // its own upsert is read at once
    await store.upsert(aCooperative({ cooperativeId: id, deliveryFee: 7_000 }), new Date('2026-01-03'));
    expect((await store.findById(id))?.deliveryFee).toBe(7_000);

    // a read that overlapped an upsert is not kept
    const [during] = await Promise.all([
      store.findById(id),
      store.upsert(aCooperative({ cooperativeId: id, deliveryFee: 8_000 }), new Date('2026-01-04')),
    ]);
    expect([7_000, 8_000]).toContain(during?.deliveryFee);
    expect((await store.findById(id))?.deliveryFee).toBe(8_000);

    // a copy each time: a caller's change does not reach the next reader
    const a = await store.findById(id);
    if (a) a.deliveryFee = 1;
    expect((await store.findById(id))?.deliveryFee).toBe(8_000);
  });
});

describe('cart store', () => {
  it('keeps every line when eight requests add to one cart at the same time', async () => {
    await t.stores.cooperatives.upsert(aCooperative(), new Date());
    const products = Array.from({ length: 8 }, () => aProduct());
    for (const p of products) await t.stores.products.upsert(p);
    const cart = await createCart(t.deps, 'karangbesuki');
    await Promise.all(products.map((p) => addCartLine(t.deps, cart.id, p.productId, 1)));
    const view = await getCart(t.deps, cart.id);
    expect(view.lines.map((l) => l.productId).sort()).toEqual(products.map((p) => p.productId).sort());
  });
});
