import { AuditRecorded, dlqTopic } from '@pasar/contracts';
import { listDeadLetterTopics } from '@pasar/events';
import { testBus } from '@pasar/events/testing';
import { auditEvent } from '@pasar/service-kit';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The membership process (src/main.ts) on the real broker and FerretDB: every service's
 * AuditRecorded events on audit.entry.v1 land once in audit_entries; poison goes to the DLQ.
 */
const bus = testBus('membership-audit-it');
let service: Awaited<ReturnType<typeof spawnService>>;
let db: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  db = await testDatabase('membership-audit');
  service = await spawnService('membership', await freePort(), {
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    MONGO_URL: db.url,
    KAFKA_TOPIC_PREFIX: bus.topicPrefix,
    NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: Buffer.alloc(32, 1).toString('base64') }),
    NIK_ENCRYPTION_KEY_ID: 'k1',
    LOG_LEVEL: 'warn',
  });
});
afterAll(async () => {
  expect(await service?.stop()).toBe(0);
  await bus.disconnect();
  await db?.drop();
});

const restocked = (productId: string) =>
  auditEvent({
    cooperativeId: 'karangbesuki',
    principal: {
      personId: 'psn_gudang',
      sessionId: 's',
      grants: [{ cooperativeId: 'karangbesuki', roles: ['gudang'] }],
      platform: [],
    },
    action: 'catalog.product.restocked',
    target: { type: 'product', id: productId },
    before: { available: 4 },
    after: { available: 24 },
  });

async function publish(values: string[]) {
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(AuditRecorded.topic),
    acks: -1,
    messages: values.map((value) => ({ key: 'karangbesuki', value })),
  });
}

const entries = () => db.conn.collection('audit_entries');

describe('audit trail consumer over Kafka', () => {
  it('stores an AuditRecorded event once even when it is delivered twice', async () => {
    const evt = restocked('prd_twice');
    const sentinel = restocked('prd_after');
    // Same key, same partition: once the sentinel is stored, both copies of evt were handled.
    await publish([JSON.stringify(evt), JSON.stringify(evt)]);
    await publish([JSON.stringify(evt), JSON.stringify(sentinel)]);

    await waitFor(() => entries().findOne({ _id: sentinel.id as never }), { what: 'the sentinel entry' });
    expect(await entries().countDocuments({ _id: evt.id as never })).toBe(1);
    expect(await entries().findOne({ _id: evt.id as never })).toMatchObject({
      cooperativeId: 'karangbesuki',
      actorId: 'psn_gudang',
      actorRoles: ['gudang'],
      action: 'catalog.product.restocked',
      target: { type: 'product', id: 'prd_twice' },
      before: { available: 4 },
      after: { available: 24 },
      source: 'urn:pasar:catalog',
    });
  });

  it('parks a malformed record and an invalid entry on the dead-letter topic and keeps consuming', async () => {
    const good = restocked('prd_good');
    const invalid = {
      ...restocked('prd_bad'),
      data: { ...restocked('prd_bad').data, action: 'Not An Action' },
    };
    await publish(['{not json', JSON.stringify(invalid), JSON.stringify(good)]);

    await waitFor(() => entries().findOne({ _id: good.id as never }), { what: 'the good entry' });
    const dlq = dlqTopic(AuditRecorded.topic, `${bus.topicPrefix}membership`);
    const parked = await waitFor(
      async () => {
        const found = (await listDeadLetterTopics(bus)).find((t) => t.topic === dlq);
        return found && found.records >= 2 ? found : undefined;
      },
      { what: 'two records on the dead-letter topic' },
    );
    expect(parked.records).toBe(2);
    expect(await entries().countDocuments({ _id: invalid.id as never })).toBe(0);
  });
});
