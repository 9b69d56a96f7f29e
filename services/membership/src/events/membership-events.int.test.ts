import { CooperativeRegistered, MemberRegistered } from '@pasar/contracts';
import { freePort, spawnService, testDatabase, testInfra, waitFor } from '@pasar/testkit';
import { readTopics, testBus } from '@pasar/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooperativeBody } from '../testing/fakes';

const ADMIN_TOKEN = 'kafka-test-admin-token-0123';
const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
const bus = testBus('membership-test');
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let db: Awaited<ReturnType<typeof testDatabase>>;

beforeAll(async () => {
  db = await testDatabase('membership-events');
  service = await spawnService('membership', await freePort(), {
    KAFKA_BROKERS: testInfra().kafkaBrokers,
    MONGO_URL: db.url,
    KAFKA_TOPIC_PREFIX: bus.topicPrefix,
    ADMIN_TOKEN,
    NIK_ENCRYPTION_KEYS: JSON.stringify({ k1: Buffer.alloc(32, 1).toString('base64') }),
    NIK_ENCRYPTION_KEY_ID: 'k1',
    LOG_LEVEL: 'warn',
  });
  // The service created the prefixed topics before it became ready.
  reader = await readTopics(bus, [CooperativeRegistered.topic, MemberRegistered.topic]);
});
afterAll(async () => {
  await reader?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
});

describe('membership over the real broker', () => {
  it('publishes CooperativeRegistered when a cooperative registers', async () => {
    const res = await fetch(`${service.url}/cooperatives`, {
      method: 'POST',
      headers,
      body: JSON.stringify(cooperativeBody({ cooperativeId: 'karangbesuki' })),
    });
    expect(res.status).toBe(201);

    const record = await waitFor(
      () => reader.records.find((r) => r.envelope.type === CooperativeRegistered.type),
      { what: 'CooperativeRegistered on the topic' },
    );
    expect(record.topic).toBe('membership.cooperative.v1');
    expect(record.key).toBe('karangbesuki');
    const event = CooperativeRegistered.envelope.parse(record.envelope);
    expect(event).toMatchObject({ subject: 'karangbesuki', cooperativeid: 'karangbesuki' });
    expect(event.data).toMatchObject({
      marketName: 'Karbes Market',
      deliveryFee: 5_000,
      deliveryEnabled: true,
    });
  });

  it('publishes MemberRegistered without any personal data', async () => {
    const nik = '3573011203900004';
    const res = await fetch(`${service.url}/cooperatives/karangbesuki/members`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        displayName: 'Bu Sri',
        roles: ['anggota', 'penjual'],
        phone: '081234567890',
        nik,
      }),
    });
    expect(res.status).toBe(201);
    const { memberId } = (await res.json()) as { memberId: string };

    const record = await waitFor(() => reader.records.find((r) => r.key === memberId), {
      what: 'MemberRegistered',
    });
    expect(record.envelope.type).toBe(MemberRegistered.type);
    expect(record.envelope.data).toEqual({
      memberId,
      cooperativeId: 'karangbesuki',
      displayName: 'Bu Sri',
      roles: ['anggota', 'penjual'],
    });
    expect(JSON.stringify(record.envelope)).not.toMatch(/3573011203900004|81234567890/);
    expect(service.output()).not.toMatch(/3573011203900004|81234567890/);
  });
});
