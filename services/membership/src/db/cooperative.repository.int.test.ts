import { CooperativeRegistered, CooperativeUpdated, newEvent } from '@pasar/contracts';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyChanges, newCooperative, snapshotOf } from '../domain/cooperative';
import { cooperativeBody } from '../testing/fakes';
import { createCooperativeRepository } from './cooperative.repository';

let db: Awaited<ReturnType<typeof testDatabase>>;
let repo: ReturnType<typeof createCooperativeRepository>;
beforeAll(async () => {
  db = await testDatabase('membership-coop');
  repo = createCooperativeRepository(db.conn);
  await repo.init();
});
afterAll(() => db.drop());

const ctx = (cooperativeId: string) => ({ source: 'urn:pasar:test', cooperativeId });

function cooperative(cooperativeId: string) {
  return newCooperative(cooperativeBody({ cooperativeId }) as never, new Date('2026-01-02T03:04:05.000Z'));
}

describe('cooperative repository on FerretDB', () => {
  it('stores the cooperative and its event in one document, and reads it back', async () => {
    const c = cooperative('karangbesuki');
    const evt = newEvent(CooperativeRegistered, c.cooperativeId, snapshotOf(c), ctx(c.cooperativeId));

    expect(await repo.insert(c, [evt])).toBe(true);

    expect(await repo.findById('karangbesuki')).toEqual(c);
    const raw = await db.conn.collection('cooperatives').findOne({ _id: 'karangbesuki' as never });
    expect(raw?.outbox).toHaveLength(1);
    expect(raw?.outbox[0].envelope.id).toBe(evt.id);
  });

  it('reports a duplicate id instead of overwriting', async () => {
    const c = cooperative('dinoyo');
    expect(await repo.insert(c, [])).toBe(true);
    expect(await repo.insert({ ...c, name: 'Another' }, [])).toBe(false);
    expect((await repo.findById('dinoyo'))?.name).toBe(c.name);
  });

  it('updates only at the expected version, appending the event to the outbox', async () => {
    const c = cooperative('bumiayu');
    await repo.insert(c, []);
    const { next } = applyChanges(c, { deliveryFee: 9_000 }, new Date());
    const evt = newEvent(CooperativeUpdated, c.cooperativeId, snapshotOf(next), ctx(c.cooperativeId));

    expect(await repo.update(next, c.version, [evt])).toBe(true);
    expect(await repo.update({ ...next, deliveryFee: 1 }, c.version, [])).toBe(false);

    expect(await repo.findById('bumiayu')).toMatchObject({ deliveryFee: 9_000, version: 2 });
    const raw = await db.conn.collection('cooperatives').findOne({ _id: 'bumiayu' as never });
    expect(raw?.outbox.map((e: { id: string }) => e.id)).toEqual([evt.id]);
  });

  it('lists cooperatives by name', async () => {
    const names = (await repo.list()).map((c) => c.cooperativeId);
    expect(names).toEqual(expect.arrayContaining(['karangbesuki', 'dinoyo', 'bumiayu']));
    expect(await repo.findById('nowhere')).toBeNull();
  });
});
