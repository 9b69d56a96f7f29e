import { DEMO_COOPERATIVES, DEMO_MEMBERS } from '@pasar/demo-data';
import { createLogger } from '@pasar/events';
import { testDatabase } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCooperativeRepository } from '../db/cooperative.repository';
import { createMemberRepository } from '../db/member.repository';
import type { MembershipDeps } from '../use-cases/ports';
import { seedDemo } from './seed-demo';

let db: Awaited<ReturnType<typeof testDatabase>>;
let deps: MembershipDeps;
beforeAll(async () => {
  db = await testDatabase('membership-seed');
  const cooperatives = createCooperativeRepository(db.conn);
  const members = createMemberRepository(db.conn);
  await Promise.all([cooperatives.init(), members.init()]);
  deps = {
    cooperatives,
    members,
    nikSalt: 'x'.repeat(16),
    logger: createLogger('seed', 'silent'),
    onEventsWritten: () => {},
  };
});
afterAll(() => db.drop());

const pendingEvents = async () =>
  (await db.conn.collection('cooperatives').find().toArray()).flatMap((d) => d.outbox ?? []).length +
  (await db.conn.collection('members').find().toArray()).flatMap((d) => d.outbox ?? []).length;

describe('seedDemo', () => {
  it('registers the demo data once, with one event each, and a second run changes nothing', async () => {
    const first = await seedDemo(deps);
    expect(first).toEqual({
      cooperatives: { registered: DEMO_COOPERATIVES.length, updated: 0, unchanged: 0 },
      members: { registered: DEMO_MEMBERS.length, existing: 0 },
    });
    expect(await pendingEvents()).toBe(DEMO_COOPERATIVES.length + DEMO_MEMBERS.length);

    const second = await seedDemo(deps);

    expect(second).toEqual({
      cooperatives: { registered: 0, updated: 0, unchanged: DEMO_COOPERATIVES.length },
      members: { registered: 0, existing: DEMO_MEMBERS.length },
    });
    expect(await pendingEvents()).toBe(DEMO_COOPERATIVES.length + DEMO_MEMBERS.length);
    expect((await deps.cooperatives.findById('karangbesuki'))?.marketName).toBe('Karbes Market');
  });

  it('puts a drifted cooperative back to the demo values with CooperativeUpdated', async () => {
    const current = await deps.cooperatives.findById('dinoyo');
    await deps.cooperatives.update(
      { ...current!, deliveryFee: 1, version: current!.version + 1 },
      current!.version,
      [],
    );

    const report = await seedDemo(deps);

    expect(report.cooperatives).toEqual({ registered: 0, updated: 1, unchanged: 2 });
    const raw = await db.conn.collection('cooperatives').findOne({ _id: 'dinoyo' as never });
    expect(raw?.outbox.at(-1).envelope).toMatchObject({
      type: 'pasar.membership.cooperative.updated',
      data: { deliveryFee: 7_000 },
    });
  });
});
