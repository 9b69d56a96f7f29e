import {
  type Envelope,
  type EventDefinition,
  MemberRegistered,
  newEvent,
  OrderCompleted,
  SavingsDeposited,
  ShuDistributed,
  Topics,
} from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { readTopics, testBus } from '@pasar/events/testing';
import { serveJwks } from '@pasar/service-kit/testing';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemberReadModels, createShuRepository } from '../db/shu.repositories';
import { issuer, staffHeaders } from '../testing/fakes';

// SHU over the real broker and database: the consumer fills the members, savings and transactions
// read models from Kafka, the HTTP API drafts, approves and distributes, and ShuDistributed reaches
// the topic from the run's outbox.
const COOP = 'shuflow';
const YEAR = new Date().getUTCFullYear() - 1;
const bus = testBus('ledger-shu');
const groupId = `${bus.topicPrefix}ledger`;
let db: Awaited<ReturnType<typeof testDatabase>>;
let service: Awaited<ReturnType<typeof spawnService>>;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
let shuTopic: Awaited<ReturnType<typeof readTopics>>;

beforeAll(async () => {
  db = await testDatabase('ledger-shu-flow');
  jwks = await serveJwks(issuer);
  service = await spawnService('ledger', await freePort(), {
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    MONGO_URL: db.url,
    KAFKA_TOPIC_PREFIX: bus.topicPrefix,
    MEMBERSHIP_JWKS_URL: jwks.url,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  });
  shuTopic = await readTopics(bus, [Topics.ledgerShu.name]);
});
afterAll(async () => {
  await shuTopic?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
  await jwks?.close();
});

let seq = 0;
function event(def: EventDefinition, subject: string, data: object, time: string): Envelope {
  const e = newEvent(def, subject, { ...(SAMPLE_DATA[def.type] as object), ...data } as never, {
    source: 'urn:pasar:test',
    cooperativeId: COOP,
  });
  return def.envelope.parse({ ...e, time }) as Envelope;
}
async function publish(topic: string, ...events: Envelope[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(topic),
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
}
const handled = (e: Envelope) =>
  waitFor(() => db.conn.collection('processed_events').findOne({ _id: `${groupId}:${e.id}` as never }), {
    what: `${e.type} handled`,
    timeoutMs: 30_000,
  });
const at = (month: number) => `${YEAR}-${String(month).padStart(2, '0')}-10T03:00:00.000Z`;
const member = (memberId: string, personId: string) =>
  event(
    MemberRegistered,
    memberId,
    { memberId, cooperativeId: COOP, displayName: memberId, roles: ['anggota'], personId, joinedAt: at(1) },
    at(1),
  );
const deposit = (memberId: string, kind: 'pokok' | 'wajib', amount: number, month: number) =>
  // Entered today from a paper receipt of last year: receivedAt decides the month.
  event(
    SavingsDeposited,
    memberId,
    {
      memberId,
      cooperativeId: COOP,
      kind,
      amount,
      method: 'cash',
      receiptNumber: `BS-${++seq}`,
      recordedBy: 'per_bendahara',
      receivedAt: at(month),
      months: kind === 'wajib' ? 5 : undefined,
    },
    new Date().toISOString(),
  );
const purchase = (personId: string, goods: number, month: number) => {
  const orderId = `ord_shuflow${String(++seq).padStart(8, '0')}`;
  return event(
    OrderCompleted,
    orderId,
    {
      orderId,
      paymentMethod: 'cash',
      total: goods,
      cashReceived: goods,
      lines: [{ ...(SAMPLE_DATA[OrderCompleted.type] as { lines: object[] }).lines[0], lineTotal: goods }],
      buyerPersonId: personId,
    },
    at(month),
  );
};
const api = async (method: string, path: string, headers: object, body?: unknown) => {
  const res = await fetch(`${service.url}/cooperatives/${COOP}${path}`, {
    method,
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as any };
};

describe('SHU over the real broker and database', () => {
  it('drafts from the consumed facts, approves, distributes once and publishes ShuDistributed', async () => {
    const bendahara = await staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bend' });
    const ketua = await staffHeaders(COOP, ['pengurus'], { position: 'ketua', personId: 'per_ketua' });
    // Members A and B; A: pokok 100.000, bought 60.000; B: pokok 100.000 + wajib 50.000, bought 40.000.
    const facts = [
      member('mbr_a', 'per_a'),
      member('mbr_b', 'per_b'),
      deposit('mbr_a', 'pokok', 100_000, 2),
      deposit('mbr_b', 'pokok', 100_000, 2),
      deposit('mbr_b', 'wajib', 50_000, 6),
      purchase('per_a', 60_000, 4),
      purchase('per_b', 40_000, 9),
    ];
    await publish(Topics.membershipMember.name, ...facts.slice(0, 2));
    await publish(Topics.membershipSavings.name, ...facts.slice(2, 5));
    await publish(Topics.ordersOrder.name, ...facts.slice(5));
    for (const e of facts) await handled(e);
    // The savings went to last year's months (receivedAt), not to today's.
    const pokok = await db.conn.collection('journal_entries').findOne({ _id: `je_${facts[2]?.id}` as never });
    expect(pokok?.period).toBe(`${YEAR}-02`);

    expect((await api('POST', `/periods/${YEAR}/close`, bendahara)).status).toBe(200);
    const allocation = {
      cadangan: 3000,
      jasaModal: 3000,
      jasaUsaha: 4000,
      danaPengurus: 0,
      danaKaryawan: 0,
      danaPendidikan: 0,
      danaSosial: 0,
      danaPembangunanDaerahKerja: 0,
    };
    expect((await api('PUT', '/shu/allocation', ketua, allocation)).status).toBe(200);
    const draft = await api('POST', `/shu/${YEAR}/draft`, bendahara);
    expect(draft.status).toBe(200);
    // SHU 100.000 (sales, no expenses): cadangan 30.000, JM 30.000, JU 40.000.
    // JM by 100.000 / 150.000: 12.000 / 18.000; JU by 60.000 / 40.000: 24.000 / 16.000.
    expect(draft.body).toMatchObject({
      shu: 100_000,
      pools: { cadangan: 30_000, jasaModal: 30_000, jasaUsaha: 40_000 },
    });
    expect(draft.body.members.map((m: any) => [m.memberId, m.savings, m.transactions, m.total])).toEqual([
      ['mbr_a', 100_000, 60_000, 36_000],
      ['mbr_b', 150_000, 40_000, 34_000],
    ]);

    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await api('POST', `/shu/${YEAR}/approve`, ketua, { ratDate: today })).status).toBe(200);
    const done = await api('POST', `/shu/${YEAR}/distribute`, bendahara, { to: 'sukarela' });
    expect(done.status).toBe(200);
    const again = await api('POST', `/shu/${YEAR}/distribute`, bendahara, { to: 'sukarela' });
    expect(again.status).toBe(409);

    const published = await shuTopic.waitFor(ShuDistributed.type, COOP);
    expect(ShuDistributed.envelope.parse(published).data).toMatchObject({
      year: YEAR,
      to: 'sukarela',
      total: 70_000,
      members: [
        { memberId: 'mbr_a', amount: 36_000 },
        { memberId: 'mbr_b', amount: 34_000 },
      ],
    });
    const entries = db.conn.collection('journal_entries');
    expect(
      await entries.countDocuments({
        sourceId: { $in: [`shu-approve-${COOP}-${YEAR}`, `shu-distribute-${COOP}-${YEAR}`] },
      } as never),
    ).toBe(2);
    const tb = await api('GET', '/reports/trial-balance', bendahara);
    expect(tb.body.balanced).toBe(true);
    const nb = await api('GET', '/reports/balance-sheet', bendahara);
    expect(nb.body.balanced).toBe(true);
    expect(
      await db.conn.collection('ledger_member_transactions').countDocuments({ cooperativeId: COOP }),
    ).toBe(2);
  });
});

describe('the SHU repositories on FerretDB', () => {
  it('sums savings and transactions with $group, and guards drafts and transitions by version', async () => {
    const members = createMemberReadModels(db.conn);
    const shu = createShuRepository(db.conn);
    await Promise.all([members.init(), shu.init()]);
    const c = 'shurepo';
    await members.recordSavings({
      eventId: 'e1',
      cooperativeId: c,
      memberId: 'm1',
      kind: 'pokok',
      amount: 10,
      period: '2025-01',
    });
    await members.recordSavings({
      eventId: 'e1',
      cooperativeId: c,
      memberId: 'm1',
      kind: 'pokok',
      amount: 10,
      period: '2025-01',
    });
    await members.recordSavings({
      eventId: 'e2',
      cooperativeId: c,
      memberId: 'm1',
      kind: 'wajib',
      amount: 5,
      period: '2025-12',
    });
    await members.recordSavings({
      eventId: 'e3',
      cooperativeId: c,
      memberId: 'm1',
      kind: 'wajib',
      amount: 7,
      period: '2026-01',
    });
    expect(await members.savingsBalances(c, '2025-12')).toEqual(
      new Map([['m1', { pokok: 10, wajib: 5, sukarela: 0 }]]),
    );
    for (const [id, period] of [
      ['t1', '2025-03'],
      ['t2', '2025-03'],
      ['t3', '2024-12'],
    ] as const)
      await members.recordTransaction({
        id,
        cooperativeId: c,
        kind: 'purchase',
        personId: 'p1',
        memberId: null,
        orderId: id,
        amount: 100,
        period,
      });
    expect(await members.transactionSums(c, '2025-01', '2025-12')).toEqual([
      { kind: 'purchase', personId: 'p1', memberId: null, period: '2025-03', amount: 200 },
    ]);

    const run = {
      cooperativeId: c,
      year: 2025,
      status: 'draft' as const,
      version: 1,
      computedAt: 'x',
      computedBy: 'p',
      ratDate: null,
      approvedBy: null,
      approvedAt: null,
      approvalEntryId: null,
      distribution: null,
      income: 1,
      expenses: 0,
      shu: 1,
      loss: false,
      allocation: {} as never,
      pools: {} as never,
      members: [],
      totals: { savings: 0, transactions: 0, jasaModal: 0, jasaUsaha: 0, members: 0 },
      unshared: { jasaModal: 0, jasaUsaha: 0 },
      roundingNote: '',
    };
    expect(await shu.saveDraft(run, [])).toBe(true);
    expect(await shu.saveDraft(run, [])).toBe(false);
    expect(await shu.saveDraft({ ...run, version: 2, shu: 2 }, [])).toBe(true);
    expect(await shu.saveDraft({ ...run, version: 2, shu: 3 }, [])).toBe(false);
    expect(await shu.transition(c, 2025, 'draft', 1, { status: 'approving' }, [])).toBeNull();
    expect(await shu.transition(c, 2025, 'draft', 2, { status: 'approving' }, [])).toMatchObject({
      status: 'approving',
      version: 3,
      shu: 2,
    });
    expect(await shu.transition(c, 2025, 'draft', 3, { status: 'approving' }, [])).toBeNull();
    expect(await shu.listRuns(c)).toEqual([{ year: 2025, status: 'approving', shu: 2, ratDate: null }]);
  });
});
