import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCooperative, aProduct } from '../test/fixtures';
import { mongoDeps } from '../test/mongo-deps';
import { createCart } from '../use-cases/create-cart';
import { addCartLine } from '../use-cases/add-cart-line';
import { placeOrder, type PlaceOrderInput } from '../use-cases/place-order';
import type { OrderChange } from '../use-cases/ports';
import { applyStockReserved } from '../use-cases/apply-stock-reserved';
import { stockReserved } from '../test/events';

let t: Awaited<ReturnType<typeof mongoDeps>>;
const keripik = aProduct({ price: 15_000 });
beforeAll(async () => {
  t = await mongoDeps();
  await t.stores.products.upsert(keripik);
  await t.stores.cooperatives.upsert(aCooperative(), new Date());
});
afterAll(() => t.drop());

async function cartWith(quantity = 2): Promise<string> {
  const cart = await createCart(t.deps, 'karangbesuki');
  await addCartLine(t.deps, cart.id, keripik.productId, quantity);
  return cart.id;
}

const input = (cartId: string, idempotencyKey: string): PlaceOrderInput => ({
  idempotencyKey,
  cartId,
  fulfilment: { method: 'pickup' },
  contact: { name: 'Siti Aminah', phone: '+6281234567890' },
  paymentMethod: 'cash',
});

const toConfirmed = (events: OrderChange['events'] = []): OrderChange => ({
  from: ['PLACED'],
  to: 'CONFIRMED',
  set: { pickupCode: 'ABC234' },
  timeline: { status: 'CONFIRMED', at: new Date() },
  events,
});

describe('order repository on the real engine', () => {
  it('stores the order with OrderPlaced in the same document and reads it back intact', async () => {
    const placed = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-a`));
    const raw = await t.stores.collections.orders.findOne({ _id: placed.order.id });
    expect(raw?.outbox?.map((e) => e.envelope.type)).toEqual(['pasar.orders.order.placed']);
    const read = await t.stores.orders.findById(placed.order.id);
    expect(read).toEqual(placed.order);
    expect(read?.expiresAt).toBeInstanceOf(Date);
    expect(t.nudged).toContain(placed.order.id);
  });

  it('makes ONE order of 20 concurrent duplicate POSTs with the same key', async () => {
    const cartId = await cartWith();
    const key = `key-${Date.now()}-dup`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(t.deps, input(cartId, key))),
    );
    expect(new Set(results.map((r) => r.order.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const docs = await t.stores.collections.orders.find({ idempotencyKey: key }).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]?.outbox).toHaveLength(1);
  });

  it('refuses a second order with the same idempotency key at the index', async () => {
    const placed = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-idx`));
    const clash = { ...placed.order, id: 'ord_ZZZZZZZZZZZZZZZZZZZZZZZZZZ' };
    expect(await t.stores.orders.insert(clash, [])).toBe('duplicate');
  });

  it('applies a guarded transition once, even when 10 race for it', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-race`));
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => t.stores.orders.applyChange(order.id, toConfirmed())),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const after = await t.stores.orders.findById(order.id);
    expect([after?.status, after?.version, after?.timeline.length]).toEqual(['CONFIRMED', 2, 2]);
    expect(await t.stores.orders.applyChange(order.id, toConfirmed())).toBe(false);
  });

  it('writes the transition and its events in one update', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-ob`));
    const raw0 = await t.stores.collections.orders.findOne({ _id: order.id });
    const placedEvent = raw0!.outbox![0]!.envelope;
    await t.stores.orders.applyChange(order.id, toConfirmed([{ ...placedEvent, id: crypto.randomUUID() }]));
    const raw = await t.stores.collections.orders.findOne({ _id: order.id });
    expect(raw?.outbox).toHaveLength(2);
    expect(raw?.status).toBe('CONFIRMED');
  });

  it('bounds the access tokens one order hands out', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-tok`));
    expect(await t.stores.orders.addTokenHash(order.id, 'b'.repeat(64), 2)).toBe(true);
    expect(await t.stores.orders.addTokenHash(order.id, 'c'.repeat(64), 2)).toBe(false);
    expect((await t.stores.orders.findById(order.id))?.tokenHashes).toHaveLength(2);
  });

  it('finds only unconfirmed orders past their expiry', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-exp`));
    const before = await t.stores.orders.findDueForExpiry(new Date(order.expiresAt.getTime() - 1), 1000);
    expect(before.map((o) => o.id)).not.toContain(order.id);
    const due = await t.stores.orders.findDueForExpiry(order.expiresAt, 1000);
    expect(due.map((o) => o.id)).toContain(order.id);
    await t.stores.orders.applyChange(order.id, toConfirmed());
    const later = await t.stores.orders.findDueForExpiry(new Date(order.expiresAt.getTime() + 1), 1000);
    expect(later.map((o) => o.id)).not.toContain(order.id);
  });

  it('queues a placed order for expiry and takes it off once it is confirmed', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-queue`));
    expect(await t.stores.expiries.due(order.expiresAt, 1000)).toContain(order.id);
    expect(await t.stores.expiries.due(new Date(order.expiresAt.getTime() - 1), 1000)).not.toContain(
      order.id,
    );
    await applyStockReserved(t.deps, stockReserved(order.id, keripik.productId));
    expect(await t.stores.expiries.due(order.expiresAt, 1000)).not.toContain(order.id);
  });

  it('lists newest first by cooperative (and status) or by buyer, page by page, ties broken by id', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-list`));
    const coop = `it-list-${Date.now().toString(36)}`;
    const buyer = `per_${Date.now().toString(36)}`;
    const at = (s: number) => new Date(Date.UTC(2026, 10, 23, 10, 0, s));
    const rows = [
      { id: 'ord_LIST000000000000000000000A', createdAt: at(0), status: 'PLACED' as const, buyer: true },
      { id: 'ord_LIST000000000000000000000B', createdAt: at(0), status: 'CONFIRMED' as const, buyer: false },
      { id: 'ord_LIST000000000000000000000C', createdAt: at(1), status: 'PLACED' as const, buyer: true },
      { id: 'ord_LIST000000000000000000000D', createdAt: at(2), status: 'CONFIRMED' as const, buyer: false },
      { id: 'ord_LIST000000000000000000000E', createdAt: at(3), status: 'PLACED' as const, buyer: true },
    ];
    for (const r of rows) {
      const copy = {
        ...order,
        id: r.id,
        idempotencyKey: `${coop}-${r.id}`,
        cooperativeId: coop,
        createdAt: r.createdAt,
        status: r.status,
        buyerPersonId: r.buyer ? buyer : null,
      };
      expect(await t.stores.orders.insert(copy, [])).toBe('inserted');
    }
    const pages: string[][] = [];
    let cursor: Awaited<ReturnType<typeof t.stores.orders.list>>['next'] = null;
    do {
      const page = await t.stores.orders.list({ cooperativeId: coop }, 2, cursor ?? undefined);
      pages.push(page.items.map((o) => o.id.slice(-1)));
      cursor = page.next;
    } while (cursor);
    expect(pages).toEqual([['E', 'D'], ['C', 'B'], ['A']]);
    const confirmed = await t.stores.orders.list({ cooperativeId: coop, status: 'CONFIRMED' }, 10);
    expect(confirmed.items.map((o) => o.id.slice(-1))).toEqual(['D', 'B']);
    const mine = await t.stores.orders.list({ buyerPersonId: buyer }, 10);
    expect([mine.items.map((o) => o.id.slice(-1)), mine.next]).toEqual([['E', 'C', 'A'], null]);
  });

  it('reads an order stored before accounts existed as a guest order', async () => {
    const { order } = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-legacy`));
    await t.stores.collections.orders.updateOne({ _id: order.id }, { $unset: { buyerPersonId: '' } });
    expect((await t.stores.orders.findById(order.id))?.buyerPersonId).toBeNull();
  });

  it('keeps the latest payment session, ignores a redelivery or an older one, on a document without the field', async () => {
    const placed = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-pay`));
    const id = placed.order.id;
    // Orders placed before online payments have no payment field at all.
    await t.stores.collections.orders.updateOne({ _id: id }, {
      $unset: { payment: '', refund: '' },
    } as never);
    const session = (paymentId: string, at: string) => ({
      paymentId,
      provider: 'midtrans' as const,
      redirectUrl: `https://pay.test/${paymentId}`,
      openedAt: new Date(at),
    });
    const v0 = (await t.stores.orders.versionOf(id)) ?? 0;
    expect(
      await t.stores.orders.recordPayment(id, session('pay_2', '2026-11-23T10:00:05Z'), new Date()),
    ).toBe(true);
    expect(
      await t.stores.orders.recordPayment(id, session('pay_2', '2026-11-23T10:00:05Z'), new Date()),
    ).toBe(false);
    expect(
      await t.stores.orders.recordPayment(id, session('pay_1', '2026-11-23T10:00:01Z'), new Date()),
    ).toBe(false);
    expect(
      await t.stores.orders.recordPayment(id, session('pay_3', '2026-11-23T10:00:09Z'), new Date()),
    ).toBe(true);
    const read = await t.stores.orders.findById(id);
    expect(read?.payment).toEqual(session('pay_3', '2026-11-23T10:00:09Z'));
    expect(read?.version).toBe(v0 + 2);
  });

  it('records a refund pending then refunded, once each, with its timeline notes', async () => {
    const placed = await placeOrder(t.deps, input(await cartWith(), `key-${Date.now()}-refund`));
    const id = placed.order.id;
    await t.stores.collections.orders.updateOne({ _id: id }, { $unset: { refund: '' } } as never);
    const at = new Date();
    const pending = {
      status: 'pending' as const,
      amount: 30_000,
      via: null,
      reason: 'order_cancelled' as const,
      at,
    };
    const done = { ...pending, status: 'refunded' as const, via: 'manual' as const };
    const note = (n: string) => ({ status: 'PLACED' as const, at, note: n });
    expect(await t.stores.orders.recordRefund(id, pending, note('pending'))).toBe(true);
    expect(await t.stores.orders.recordRefund(id, pending, note('pending'))).toBe(false);
    expect(await t.stores.orders.recordRefund(id, done, note('done'))).toBe(true);
    expect(await t.stores.orders.recordRefund(id, done, note('done'))).toBe(false);
    expect(await t.stores.orders.recordRefund(id, pending, note('pending'))).toBe(false);
    const read = await t.stores.orders.findById(id);
    expect(read?.refund).toEqual(done);
    expect(read?.timeline.map((e) => e.note ?? '')).toEqual(['', 'pending', 'done']);
  });
});
