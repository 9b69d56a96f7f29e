import { AuditRecorded, type CooperativeGrant } from '@pasar/contracts';
import { createLogger, type RunningConsumer, startConsumer } from '@pasar/events';
import { testBus } from '@pasar/events/testing';
import { auditEvent } from '@pasar/service-kit';
import { createTestIssuer } from '@pasar/service-kit/testing';
import { testDatabase, waitFor } from '@pasar/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createCooperativeRepository } from '../db/cooperative.repository';
import { createMemberRepository } from '../db/member.repository';
import { TEST_NIK_KEYRING, TEST_SALT } from '../privacy/testing';
import { json } from '../testing/fakes';
import { createAuditEntryRepository } from './audit-entry.repository';
import { auditSubscriptions } from './audit.subscriptions';
import { createAuditTrail } from './audit-trail';
import { fakeApp } from '../testing/fakes';

/** The audit route over entries that came through the real broker into FerretDB. */
const bus = testBus('membership-audit-route');
const logger = createLogger('membership-audit-route', 'silent');
let db: Awaited<ReturnType<typeof testDatabase>>;
let consumer: RunningConsumer;
let app: ReturnType<typeof createApp>;
const issuer = await createTestIssuer();

const as = async (grants: CooperativeGrant[]) => ({
  authorization: `Bearer ${await issuer.token({ personId: 'psn_caller', grants }, { service: 'membership' })}`,
});
const event = (cooperativeId: string, minute: number) =>
  auditEvent({
    cooperativeId,
    principal: 'system',
    action: minute % 2 ? 'orders.order.packed' : 'catalog.product.restocked',
    target: { type: 'thing', id: `${cooperativeId}-${minute}` },
    at: new Date(Date.UTC(2026, 10, 30, 9, minute)),
  });

beforeAll(async () => {
  db = await testDatabase('membership-audit-route');
  const entries = createAuditEntryRepository(db.conn);
  const members = createMemberRepository(db.conn);
  await Promise.all([entries.init(), members.init()]);
  const audit = createAuditTrail({ entries });
  consumer = await startConsumer({
    bus,
    groupId: `${bus.topicPrefix}membership`,
    subscriptions: auditSubscriptions({ audit, logger }),
    processed: db.conn.collection('processed_events'),
  });
  await consumer.ready;
  const events = [1, 2, 3, 4].map((m) => event('karangbesuki', m)).concat(event('dinoyo', 5));
  const producer = await bus.producer();
  await producer.send({
    topic: bus.topic(AuditRecorded.topic),
    acks: -1,
    messages: events.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
  });
  await waitFor(async () => (await db.conn.collection('audit_entries').countDocuments()) === 5, {
    what: 'five audit entries stored',
    timeoutMs: 30_000,
  });
  app = createApp({
    // The accounts side from the fakes; the registry, audit trail and privacy parts are real.
    ...fakeApp().deps,
    cooperatives: createCooperativeRepository(db.conn),
    members,
    nikSalt: TEST_SALT,
    nikKeyring: TEST_NIK_KEYRING,
    logger,
    onEventsWritten: () => {},
    verifier: issuer.verifier('membership'),
    pdp: { entries, audit, members, nikKeyring: TEST_NIK_KEYRING, logger, onEventsWritten: () => {} },
  });
});
afterAll(async () => {
  await consumer?.stop();
  await bus.disconnect();
  await db?.drop();
});

describe('GET /cooperatives/:id/audit on FerretDB', () => {
  const url = '/cooperatives/karangbesuki/audit';

  it("a pengawas reads the cooperative's entries newest first, page by page, and no other cooperative's", async () => {
    const headers = await as([{ cooperativeId: 'karangbesuki', roles: ['pengawas'] }]);
    const first = await json(await app.request(`${url}?limit=3`, { headers }));
    const rest = await json(await app.request(`${url}?limit=3&cursor=${first.nextCursor}`, { headers }));
    const ids = [...first.items, ...rest.items].map((e: { target: { id: string } }) => e.target.id);
    expect(ids).toEqual(['karangbesuki-4', 'karangbesuki-3', 'karangbesuki-2', 'karangbesuki-1']);
    expect(rest.nextCursor).toBeNull();
    const packed = await json(await app.request(`${url}?action=orders.order.packed`, { headers }));
    expect(packed.items.map((e: { target: { id: string } }) => e.target.id)).toEqual([
      'karangbesuki-3',
      'karangbesuki-1',
    ]);
  });

  it("another cooperative's pengurus gets 404, a kasir 403, anonymous 401; a forged cursor 400", async () => {
    expect(
      (await app.request(url, { headers: await as([{ cooperativeId: 'dinoyo', roles: ['pengurus'] }]) }))
        .status,
    ).toBe(404);
    expect(
      (await app.request(url, { headers: await as([{ cooperativeId: 'karangbesuki', roles: ['kasir'] }]) }))
        .status,
    ).toBe(403);
    expect((await app.request(url)).status).toBe(401);
    const pengurus = await as([{ cooperativeId: 'karangbesuki', roles: ['pengurus'] }]);
    expect((await app.request(url, { headers: pengurus })).status).toBe(200);
    const bad = await app.request(`${url}?cursor=${Buffer.from('{"at":1}').toString('base64url')}`, {
      headers: pengurus,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await json(bad))).toContain('query.cursor');
  });

  it('the dinoyo pengurus sees only dinoyo', async () => {
    const headers = await as([{ cooperativeId: 'dinoyo', roles: ['pengurus'] }]);
    const body = await json(await app.request('/cooperatives/dinoyo/audit', { headers }));
    expect(body.items.map((e: { target: { id: string } }) => e.target.id)).toEqual(['dinoyo-5']);
  });
});
