import {
  AuditRecorded,
  ConsignmentPayoutRecorded,
  ConsignmentSaleRecorded,
  dlqTopic,
  type Envelope,
  type EventDefinition,
  newEvent,
  OrderCompleted,
  PaymentSessionOpened,
  PaymentSucceeded,
  SavingsDeposited,
  Topics,
} from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { listDeadLetterTopics } from '@pasar/events';
import { readTopics, testBus } from '@pasar/events/testing';
import { serveJwks } from '@pasar/service-kit/testing';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuer, staffHeaders } from '../testing/fakes';

const COOP = 'karangbesuki';
const bus = testBus('ledger-test');
const groupId = `${bus.topicPrefix}ledger`;
let db: Awaited<ReturnType<typeof testDatabase>>;
let service: Awaited<ReturnType<typeof spawnService>>;
let jwks: Awaited<ReturnType<typeof serveJwks>>;
let audit: Awaited<ReturnType<typeof readTopics>>;
const env = () => ({
  KAFKA_BROKERS: testInfra().kafkaBrokers,
  MONGO_URL: db.url,
  KAFKA_TOPIC_PREFIX: bus.topicPrefix,
  MEMBERSHIP_JWKS_URL: jwks.url,
  LOG_LEVEL: 'warn',
});

beforeAll(async () => {
  db = await testDatabase('ledger-flow');
  jwks = await serveJwks(issuer);
  service = await spawnService('ledger', await freePort(), env());
  audit = await readTopics(bus, [Topics.auditEntry.name]);
});
afterAll(async () => {
  await audit?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
  await jwks?.close();
});

let seq = 0;
const newOrderId = () => `ord_${Date.now().toString(36)}${String(seq++).padStart(6, '0')}`;
const ctx = (source: string) => ({ source, cooperativeId: COOP });

/** An event built by the producing service's own helper, with its time set (the books use it). */
function event<D extends EventDefinition>(def: D, subject: string, data: object, time?: string): Envelope {
  const e = newEvent(
    def,
    subject,
    { ...(SAMPLE_DATA[def.type] as object), ...data } as never,
    ctx('urn:pasar:test'),
  );
  return time ? def.envelope.parse({ ...e, time }) : e;
}

async function publish(topic: string, ...messages: (Envelope | string)[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(topic),
    messages: messages.map((m) =>
      typeof m === 'string' ? { key: 'x', value: m } : { key: m.subject, value: JSON.stringify(m) },
    ),
  });
}

const handled = (e: Envelope) =>
  waitFor(() => db.conn.collection('processed_events').findOne({ _id: `${groupId}:${e.id}` as never }), {
    what: `${e.type} handled`,
  });
const entryOf = (e: Envelope) =>
  db.conn.collection('journal_entries').findOne({ _id: `je_${e.id}` as never });
const entriesFor = (sourceId: string) => db.conn.collection('journal_entries').countDocuments({ sourceId });
const bendahara = () =>
  staffHeaders(COOP, ['pengurus'], { position: 'bendahara', personId: 'per_bendahara' });

describe('the ledger over the real broker and database', () => {
  it('books a cash sale at handover only, and an online order as a prepayment then a sale', async () => {
    const cash = newOrderId();
    const online = newOrderId();
    const cashOpened = event(PaymentSessionOpened, cash, {
      orderId: cash,
      paymentId: 'pay_cash1',
      provider: 'cash',
    });
    const cashPaid = event(PaymentSucceeded, cash, { orderId: cash, paymentId: 'pay_cash1', amount: 30_000 });
    const onlineOpened = event(PaymentSessionOpened, online, {
      orderId: online,
      paymentId: 'pay_online1',
      provider: 'midtrans',
      paymentMethod: 'qris',
    });
    const onlinePaid = event(PaymentSucceeded, online, {
      orderId: online,
      paymentId: 'pay_online1',
      amount: 35_000,
    });
    await publish(Topics.paymentsPayment.name, cashOpened, cashPaid, onlineOpened, onlinePaid);
    // The sample order: one line of Rp 30.000; +Rp 5.000 delivery for the online one.
    const cashDone = event(OrderCompleted, cash, {
      orderId: cash,
      paymentMethod: 'cash',
      total: 30_000,
      cashReceived: 50_000,
    });
    const onlineDone = event(OrderCompleted, online, {
      orderId: online,
      paymentMethod: 'qris',
      total: 35_000,
      cashReceived: null,
    });
    await publish(Topics.ordersOrder.name, cashDone, onlineDone);
    for (const e of [cashPaid, onlinePaid, cashDone, onlineDone]) await handled(e);

    expect(await entryOf(cashPaid)).toBeNull();
    expect((await entryOf(cashDone))?.lines).toEqual([
      { account: '1-1100', debit: 30_000, credit: 0 },
      { account: '4-1100', debit: 0, credit: 30_000 },
    ]);
    expect((await entryOf(onlinePaid))?.lines).toEqual([
      { account: '1-1300', debit: 35_000, credit: 0 },
      { account: '2-1400', debit: 0, credit: 35_000 },
    ]);
    expect((await entryOf(onlineDone))?.lines).toEqual([
      { account: '2-1400', debit: 35_000, credit: 0 },
      { account: '4-1100', debit: 0, credit: 30_000 },
      { account: '4-1300', debit: 0, credit: 5_000 },
    ]);
  });

  it('splits a consignment seller’s lines out of a handover heard before the sale, and books the payout', async () => {
    const orderId = newOrderId();
    const done = event(OrderCompleted, orderId, {
      orderId,
      paymentMethod: 'cash',
      total: 30_000,
      cashReceived: 30_000,
    });
    await publish(Topics.ordersOrder.name, done);
    await handled(done);
    const sale = event(ConsignmentSaleRecorded, 'mbr_sri', {
      orderId,
      sellerId: 'mbr_sri',
      gross: 30_000,
      commission: 3_000,
      net: 27_000,
    });
    const payout = event(ConsignmentPayoutRecorded, 'mbr_sri', { amount: 27_000, method: 'cash' });
    await publish(Topics.paymentsConsignment.name, sale, sale, payout);
    await handled(payout);
    const split = await db.conn
      .collection('journal_entries')
      .findOne({ _id: `je_consignment-${orderId}-mbr_sri` as never });
    expect(split?.lines).toEqual([
      { account: '4-1100', debit: 30_000, credit: 0 },
      { account: '2-1100', debit: 0, credit: 27_000 },
      { account: '4-1200', debit: 0, credit: 3_000 },
    ]);
    expect((await entryOf(payout))?.lines).toEqual([
      { account: '2-1100', debit: 27_000, credit: 0 },
      { account: '1-1100', debit: 0, credit: 27_000 },
    ]);
    expect(
      await db.conn
        .collection('journal_entries')
        .countDocuments({ sourceId: { $regex: `^consignment-${orderId}` } }),
    ).toBe(1);
  });

  it('posts nothing more for a redelivered event, even when the consumer has forgotten it applied it', async () => {
    const deposit = event(SavingsDeposited, 'mbr_sri', {
      kind: 'sukarela',
      amount: 25_000,
      months: undefined,
    });
    await publish(Topics.membershipSavings.name, deposit, deposit);
    await handled(deposit);
    expect(await entriesFor(deposit.id)).toBe(1);
    // As if the processed id were lost (a crash before it was written) and the service restarted:
    // the consumer no longer knows it applied the event; the entry id still holds.
    await db.conn.collection('processed_events').deleteOne({ _id: `${groupId}:${deposit.id}` as never });
    await service.stop();
    service = await spawnService('ledger', Number(new URL(service.url).port), env());
    await publish(Topics.membershipSavings.name, deposit);
    await handled(deposit);
    expect(await entriesFor(deposit.id)).toBe(1);
  });

  it('parks malformed records on the dead-letter topic and goes on', async () => {
    const bad = { ...event(SavingsDeposited, 'mbr_sri', {}), data: { memberId: 'mbr_sri', amount: -5 } };
    const good = event(SavingsDeposited, 'mbr_sri', { kind: 'pokok', amount: 100_000, months: undefined });
    await publish(Topics.membershipSavings.name, '{not json', JSON.stringify(bad), good);
    await handled(good);
    expect(await entryOf(good)).not.toBeNull();
    const dlq = dlqTopic(Topics.membershipSavings.name, groupId);
    const parked = await waitFor(
      async () => {
        const found = (await listDeadLetterTopics(bus)).find((t) => t.topic === dlq);
        return found && found.records >= 2 ? found : undefined;
      },
      { what: 'two records on the dead-letter topic' },
    );
    expect(parked.records).toBe(2);
  });

  it('closes a month: manual entries into it are refused, a late event goes to the next open month', async () => {
    const close = await fetch(`${service.url}/cooperatives/${COOP}/periods/2026-01/close`, {
      method: 'POST',
      headers: await bendahara(),
    });
    expect(close.status).toBe(200);
    const manual = await fetch(`${service.url}/cooperatives/${COOP}/manual-entries`, {
      method: 'POST',
      headers: { ...(await bendahara()), 'content-type': 'application/json' },
      body: JSON.stringify({
        memo: 'Listrik Januari',
        occurredAt: '2026-01-30T10:00:00+07:00',
        lines: [
          { account: '5-2100', debit: 200_000, credit: 0 },
          { account: '1-1100', debit: 0, credit: 200_000 },
        ],
      }),
    });
    expect(manual.status).toBe(409);
    expect(await manual.json()).toMatchObject({
      code: 'LEDGER.PERIOD_CLOSED',
      details: { period: '2026-01' },
    });

    // A bukti setor of 20 January entered now: its receipt's month is closed.
    const late = event(
      SavingsDeposited,
      'mbr_sri',
      { kind: 'wajib', amount: 30_000, months: 3, receivedAt: '2026-01-20T03:00:00.000Z' },
      '2026-01-20T03:00:00.000Z',
    );
    await publish(Topics.membershipSavings.name, late);
    await handled(late);
    expect(await entryOf(late)).toMatchObject({ period: '2026-02', lateFor: '2026-01' });

    // The close was audited through the outbox and the relay.
    await waitFor(
      () =>
        audit.records.some((r) => (r.envelope.data as { action?: string }).action === 'ledger.period.closed'),
      {
        what: 'the audit entry of the close',
      },
    );
    expect(audit.records.every((r) => AuditRecorded.envelope.safeParse(r.envelope).success)).toBe(true);
  });

  it('reports books that balance, to the board over HTTP', async () => {
    const res = await fetch(`${service.url}/cooperatives/${COOP}/reports/trial-balance?year=2026`, {
      headers: await staffHeaders(COOP, ['pengawas']),
    });
    expect(res.status).toBe(200);
    const tb = (await res.json()) as { balanced: boolean; totalDebit: number };
    expect(tb.balanced).toBe(true);
    expect(tb.totalDebit).toBeGreaterThan(0);
    const foreign = await fetch(`${service.url}/cooperatives/${COOP}/reports/trial-balance?year=2026`, {
      headers: await staffHeaders('dinoyo', ['pengawas']),
    });
    expect(foreign.status).toBe(404);
    expect(await (await fetch(`${service.url}/readyz`)).json()).toMatchObject({
      checks: { mongo: true, kafka: true },
    });
  });
});
