import { testDatabase } from '@pasar/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { ProcessedIds } from './processed-ids';

const dbs: { drop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.drop();
});

async function store() {
  const db = await testDatabase('processed');
  dbs.push(db);
  return db.conn.collection('processed_events');
}

const now = () => new Date().toISOString();
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

describe('ProcessedIds', () => {
  it('remembers what it applied once flushed, across a fresh instance of the same group', async () => {
    const coll = await store();
    const first = new ProcessedIds(coll, 'g1');
    expect(await first.has('e1', now())).toBe(false);
    first.add('e1', 'pasar.test.thing.happened');
    await first.flush();

    const second = new ProcessedIds(coll, 'g1'); // e.g. the instance that gets the partition next
    expect(await second.has('e1', now())).toBe(true);
    expect(await new ProcessedIds(coll, 'other-group').has('e1', now())).toBe(false);
  });

  it('sees ids another instance wrote only after a reset (a rebalance)', async () => {
    const coll = await store();
    const mine = new ProcessedIds(coll, 'g1');
    expect(await mine.has('e2', now())).toBe(false); // window loaded, e2 absent
    const theirs = new ProcessedIds(coll, 'g1');
    theirs.add('e2', 't');
    await theirs.flush();

    mine.reset();
    expect(await mine.has('e2', now())).toBe(true);
  });

  it('checks the database for an event older than the window', async () => {
    const coll = await store();
    const writer = new ProcessedIds(coll, 'g1', 60_000);
    writer.add('old', 't');
    await writer.flush();
    // Pretend it was applied long ago: outside every window, so only the database knows.
    await coll.updateOne({ _id: 'g1:old' } as never, { $set: { at: new Date(Date.now() - 10 * 3_600_000) } });

    const reader = new ProcessedIds(coll, 'g1', 60_000);
    expect(await reader.has('old', hourAgo())).toBe(true);
    expect(await reader.has('never-seen', hourAgo())).toBe(false);
  });

  it('tolerates a duplicate id in a flush', async () => {
    const coll = await store();
    const a = new ProcessedIds(coll, 'g1');
    a.add('e3', 't');
    await a.flush();
    const b = new ProcessedIds(coll, 'g1');
    b.add('e3', 't');
    b.add('e4', 't');
    await expect(b.flush()).resolves.toBeUndefined();
    expect(await coll.countDocuments({ g: 'g1' } as never)).toBe(2);
  });
});
