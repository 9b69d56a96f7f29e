import { newEvent, ProductPublished } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { testDatabase, waitFor } from '@pasar/testkit';
import type mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTestBus } from '../test/harness';
import { type OutboxEntry, outboxFields, storedEntries, withOutbox } from './outbox';
import { type OutboxRelay, startOutboxRelay } from './relay';
import { readTopics } from './testing';

type Collection = mongoose.mongo.Collection;

function productEvent(productId: string, name = 'Keripik Tempe') {
  return newEvent(
    ProductPublished,
    productId,
    { ...(SAMPLE_DATA[ProductPublished.type] as object), productId, name } as never,
    { source: 'urn:pasar:test', cooperativeId: 'karangbesuki' },
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The real collection, counting the relay's reads of single documents. */
function countingReads(coll: Collection) {
  const counter = { reads: 0 };
  const proxy = new Proxy(coll, {
    get(target, prop) {
      if (prop === 'findOne') counter.reads++;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { coll: proxy, counter };
}

let db: Awaited<ReturnType<typeof testDatabase>>;
let bus: ReturnType<typeof newTestBus>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let products: Collection;
let counted: ReturnType<typeof countingReads>;
let relay: OutboxRelay;

beforeAll(async () => {
  db = await testDatabase('relay');
  bus = newTestBus();
  await bus.ensureTopics([ProductPublished.topic]);
  reader = await readTopics(bus, [ProductPublished.topic]);
  products = db.conn.db!.collection('products');
  counted = countingReads(products);
  // Sweeps only when asked: every publish below comes from a nudge.
  relay = startOutboxRelay({ bus, collections: [counted.coll], sweepIntervalMs: 600_000 });
  await relay.drained();
});

afterAll(async () => {
  await relay.stop();
  await reader.stop();
  await bus.disconnect();
  await db.drop();
});

const published = (subject: string) => reader.seen.filter((e) => e.subject === subject).map((e) => e.id);

async function outboxOf(id: string): Promise<OutboxEntry[]> {
  const doc = await products.findOne({ _id: id as never }, { projection: { outbox: 1 } });
  return (doc?.outbox as OutboxEntry[] | undefined) ?? [];
}

describe('outbox relay with the images writes leave', () => {
  it('publishes from the image in write order without reading the document, and removes the entries', async () => {
    const id = 'img-1';
    const e1 = productEvent(id);
    const e2 = productEvent(id, 'Keripik Tempe Pedas');
    const { outbox } = outboxFields([e1]);
    await products.insertOne({ _id: id as never, name: 'a', outbox });
    counted.counter.reads = 0;
    relay.nudge(counted.coll, id, storedEntries(outbox));
    await reader.waitFor(e1.type, id);

    // The second write's image may still hold e1 (the pass removes it after publishing): not twice.
    const after = await products.findOneAndUpdate(
      { _id: id as never },
      withOutbox({ $set: { name: 'b' } }, [e2]),
      { returnDocument: 'after' },
    );
    relay.nudge(counted.coll, id, after?.outbox as OutboxEntry[]);
    await waitFor(async () => published(id).length >= 2 && (await outboxOf(id)).length === 0, {
      what: 'both events out and removed',
    });
    await sleep(300);

    expect(published(id)).toEqual([e1.id, e2.id]);
    expect(await outboxOf(id)).toEqual([]);
    expect(counted.counter.reads).toBe(0);
  });

  it('publishes nothing again from an image taken before its entries were published', async () => {
    const id = 'img-2';
    const e = productEvent(id);
    const { outbox } = outboxFields([e]);
    await products.insertOne({ _id: id as never, name: 'a', outbox });
    const image = storedEntries(outbox);
    relay.nudge(counted.coll, id, image);
    await reader.waitFor(e.type, id);
    await waitFor(async () => (await outboxOf(id)).length === 0, { what: 'the entries removed' });

    relay.nudge(counted.coll, id, image); // a late image of the same write
    await sleep(500);
    expect(published(id)).toEqual([e.id]);
  });

  it('reads the document when one is nudged twice before a pass (the images may be out of order)', async () => {
    const id = 'img-3';
    const e = productEvent(id);
    const { outbox } = outboxFields([e]);
    await products.insertOne({ _id: id as never, name: 'a', outbox });
    counted.counter.reads = 0;
    relay.nudge(counted.coll, id, storedEntries(outbox));
    relay.nudge(counted.coll, id, storedEntries(outbox));
    await reader.waitFor(e.type, id);
    await waitFor(async () => (await outboxOf(id)).length === 0, { what: 'the entries removed' });

    expect(counted.counter.reads).toBe(1);
    expect(published(id)).toEqual([e.id]);
  });

  it('sweeps when an image does not match what its document holds, so no entry stays behind', async () => {
    const id = 'img-4';
    const e = productEvent(id);
    const { outbox } = outboxFields([e]);
    await products.insertOne({ _id: id as never, name: 'a', outbox });
    // not the stored form: the pull by exact value cannot match it
    const wrong = storedEntries(outbox).map((x) => ({ ...x, key: `${x.key}-other` }));
    relay.nudge(counted.coll, id, wrong);

    await waitFor(async () => (await outboxOf(id)).length === 0, { what: 'the entries removed' });
    await waitFor(() => published(id).length === 2, { what: 'the sweep publishing it' }); // image, then sweep
    expect(published(id)).toEqual([e.id, e.id]);
  });
});

describe('outbox relay removing published entries late', () => {
  /** The real collection, counting the relay's removals (its only updateOne calls). */
  function countingUpdates(coll: Collection) {
    const counter = { updates: 0 };
    const proxy = new Proxy(coll, {
      get(target, prop) {
        if (prop === 'updateOne') counter.updates++;
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    return { coll: proxy, counter };
  }

  it('removes the events of two writes to one document with one update, each published once', async () => {
    const coll = db.conn.db!.collection('late_removal');
    const counted = countingUpdates(coll);
    const late = startOutboxRelay({
      bus,
      collections: [counted.coll],
      sweepIntervalMs: 600_000,
      removeDelayMs: 1_500,
    });
    try {
      await late.drained();
      counted.counter.updates = 0;
      const id = 'late-1';
      const e1 = productEvent(id);
      const e2 = productEvent(id, 'Keripik Tempe Pedas');
      const { outbox } = outboxFields([e1]);
      await coll.insertOne({ _id: id as never, name: 'a', outbox });
      late.nudge(counted.coll, id, storedEntries(outbox));
      await reader.waitFor(e1.type, id);
      // Published, and still in its document: the removal waits for more events of the document.
      expect((await coll.findOne({ _id: id as never }))?.outbox).toHaveLength(1);

      const after = await coll.findOneAndUpdate(
        { _id: id as never },
        withOutbox({ $set: { name: 'b' } }, [e2]),
        { returnDocument: 'after' },
      );
      late.nudge(counted.coll, id, after?.outbox as OutboxEntry[]);
      await waitFor(async () => ((await coll.findOne({ _id: id as never }))?.outbox ?? []).length === 0, {
        what: 'both entries removed',
      });
      expect(published(id)).toEqual([e1.id, e2.id]);
      expect(counted.counter.updates).toBe(1);
    } finally {
      await late.stop();
    }
  });

  it('removes what it published before drained() resolves and when it stops', async () => {
    const coll = db.conn.db!.collection('late_removal');
    const late = startOutboxRelay({
      bus,
      collections: [coll],
      sweepIntervalMs: 600_000,
      removeDelayMs: 60_000,
    });
    const outboxAt = async (id: string) => ((await coll.findOne({ _id: id as never }))?.outbox ?? []).length;
    try {
      const e = productEvent('late-2');
      await coll.insertOne({ _id: 'late-2' as never, name: 'a', ...outboxFields([e]) });
      late.nudge(coll, 'late-2');
      await reader.waitFor(e.type, 'late-2');
      expect(await outboxAt('late-2')).toBe(1);
      await late.drained();
      expect(await outboxAt('late-2')).toBe(0);

      const e3 = productEvent('late-3');
      await coll.insertOne({ _id: 'late-3' as never, name: 'a', ...outboxFields([e3]) });
      late.nudge(coll, 'late-3');
      await reader.waitFor(e3.type, 'late-3');
      expect(await outboxAt('late-3')).toBe(1);
    } finally {
      await late.stop();
    }
    expect(await outboxAt('late-3')).toBe(0);
    expect(published('late-2')).toHaveLength(1);
    expect(published('late-3')).toHaveLength(1);
  });
});
