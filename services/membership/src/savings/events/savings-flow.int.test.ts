import { dlqTopic, newEvent, SavingsDeposited, ShuDistributed } from '@pasar/contracts';
import { demoAccount } from '@pasar/demo-data';
import { listDeadLetterTopics } from '@pasar/events';
import { readTopics, testBus } from '@pasar/events/testing';
import { type spawnService, testDatabase, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOperatorDeps } from '../../admin/operator-deps';
import { seedDemo } from '../../seed/seed-demo';
import { membershipTokenOf, spawnMembership } from '../../testing/service';
import { savingsGroupId } from '../index';

/**
 * The membership process (src/main.ts) on the real broker and FerretDB: a deposit over HTTP is
 * published on membership.savings.v1 by the relay; the ledger's ShuDistributed credits sukarela
 * once however often it comes; what does not parse lands on the savings group's dead-letter topic.
 */
const bus = testBus('membership-savings-it');
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let db: Awaited<ReturnType<typeof testDatabase>>;
let closeOperator: () => Promise<void>;
const COOP = 'karangbesuki';

const tokenOf = (role: 'bendahara' | 'anggota') => {
  const a = demoAccount(role, COOP);
  return membershipTokenOf(service.url, a.phone.replace('+62', '0'), a.password);
};
const call = async (token: string, path: string, body?: unknown) => {
  const res = await fetch(`${service.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
};

beforeAll(async () => {
  db = await testDatabase('membership-savings-flow');
  process.env.MONGO_URL = db.url;
  const operator = await openOperatorDeps('savings-flow-test');
  closeOperator = operator.close;
  await seedDemo(operator.deps);
  service = await spawnMembership(db.url, bus.topicPrefix, 'savings-flow');
  reader = await readTopics(bus, [SavingsDeposited.topic]);
}, 180_000);
afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await closeOperator?.();
  await bus.disconnect();
  await db?.drop();
});

async function publishShu(values: string[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(ShuDistributed.topic),
    acks: -1,
    messages: values.map((value) => ({ key: COOP, value })),
  });
}

const shu = (shuId: string, amount: number) =>
  newEvent(
    ShuDistributed,
    COOP,
    {
      cooperativeId: COOP,
      year: 2025,
      shuId,
      to: 'sukarela',
      members: [{ memberId: 'mbr_kb_siti', amount }],
      total: amount,
      distributedBy: demoAccount('bendahara', COOP).personId,
      distributedAt: new Date().toISOString(),
    },
    { source: 'urn:pasar:ledger', cooperativeId: COOP },
  );

describe('savings over the real broker', () => {
  it('publishes SavingsDeposited keyed by the member once the bendahara records a deposit', async () => {
    const res = await call(
      await tokenOf('bendahara'),
      `/cooperatives/${COOP}/members/mbr_kb_siti/savings/deposits`,
      {
        kind: 'pokok',
        amount: 100_000,
        method: 'cash',
        receiptNumber: 'BS-FLOW-1',
      },
    );
    expect(res.status).toBe(201);
    const record = await waitFor(
      () => reader.records.find((r) => r.envelope.type === SavingsDeposited.type && r.key === 'mbr_kb_siti'),
      { what: 'SavingsDeposited on membership.savings.v1', timeoutMs: 30_000 },
    );
    expect(record.topic).toBe('membership.savings.v1');
    expect(SavingsDeposited.envelope.parse(record.envelope).data).toMatchObject({
      memberId: 'mbr_kb_siti',
      kind: 'pokok',
      amount: 100_000,
      receiptNumber: 'BS-FLOW-1',
      recordedBy: demoAccount('bendahara', COOP).personId,
    });
    // The outbox entry was published and removed from the account document.
    await waitFor(
      async () => {
        const doc = await db.conn
          .collection('savings_accounts')
          .findOne({ _id: `${COOP}:mbr_kb_siti` as never });
        return doc && (doc.outbox ?? []).length === 0 ? doc : undefined;
      },
      { what: 'the outbox relayed' },
    );
  });

  it('credits an SHU to sukarela once, however often it is delivered; poison goes to the dead-letter topic', async () => {
    const twice = shu('shu_flow_2025', 12_345);
    const sentinel = shu('shu_flow_sentinel', 5);
    await publishShu([JSON.stringify(twice), JSON.stringify(twice), '{not json']);
    await publishShu([
      JSON.stringify({ ...twice, id: crypto.randomUUID() }), // the same run again under a new event id
      JSON.stringify({ ...shu('shu_bad', 1), data: { ...shu('shu_bad', 1).data, members: [] } }),
      JSON.stringify(sentinel),
    ]);
    const anggota = await tokenOf('anggota');
    const mine = await waitFor(
      async () => {
        const r = await call(anggota, `/cooperatives/${COOP}/my-savings`);
        return r.body.history?.items?.some(
          (m: { movementId: string }) => m.movementId === 'shu:shu_flow_sentinel',
        )
          ? r.body
          : undefined;
      },
      { what: 'the sentinel SHU credited', timeoutMs: 30_000 },
    );
    expect(mine.balances.sukarela).toBe(12_350);
    expect(mine.history.items.filter((m: { source: string }) => m.source === 'shu')).toHaveLength(2);
    const dlq = dlqTopic(ShuDistributed.topic, savingsGroupId(bus.topicPrefix));
    const parked = await waitFor(
      async () => {
        const found = (await listDeadLetterTopics(bus)).find((t) => t.topic === dlq);
        return found && found.records >= 2 ? found : undefined;
      },
      { what: 'two records on the dead-letter topic', timeoutMs: 30_000 },
    );
    expect(parked.records).toBe(2);
  });
});
