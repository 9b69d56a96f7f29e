import { AuditRecorded, CooperativeRegistered, MemberRegistered } from '@pasar/contracts';
import { createTokenVerifier } from '@pasar/service-kit';
import { type spawnService, testDatabase, waitFor } from '@pasar/testkit';
import { readTopics, testBus } from '@pasar/events/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOperatorDeps } from '../admin/operator-deps';
import { createPlatformAccount } from '../use-cases/create-platform-account';
import { setPassword } from '../use-cases/set-password';
import { cooperativeBody } from '../testing/fakes';
import { membershipTokenOf, spawnMembership } from '../testing/service';

const bus = testBus('membership-test');
let service: Awaited<ReturnType<typeof spawnService>>;
let reader: Awaited<ReturnType<typeof readTopics>>;
let db: Awaited<ReturnType<typeof testDatabase>>;
let operator: Awaited<ReturnType<typeof openOperatorDeps>>;

const post = (path: string, body: unknown, token?: string) =>
  fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** Signs in over HTTP and returns the membership token. */
const tokenOf = (phone: string, password: string) => membershipTokenOf(service.url, phone, password);

beforeAll(async () => {
  db = await testDatabase('membership-events');
  service = await spawnMembership(db.url, bus.topicPrefix, 'events-test');
  // The service created the prefixed topics before it became ready.
  reader = await readTopics(bus, [CooperativeRegistered.topic, MemberRegistered.topic, AuditRecorded.topic]);
  process.env.MONGO_URL = db.url;
  operator = await openOperatorDeps('events-test');
  const dinas = await createPlatformAccount(operator.deps, {
    name: 'Dinas',
    phone: '+6281270001000',
    platform: ['dinas'],
  });
  await setPassword(operator.deps, dinas.personId, 'dinas-uji-2026');
});
afterAll(async () => {
  await operator?.close();
  await reader?.stop();
  await service?.stop();
  await bus.disconnect();
  await db?.drop();
});

describe('membership over the real broker', () => {
  it('publishes CooperativeRegistered when a cooperative registers', async () => {
    const token = await tokenOf('081270001000', 'dinas-uji-2026');
    // the token verifies against the JWKS the service serves
    const jwks = (await (await fetch(`${service.url}/.well-known/jwks.json`)).json()) as { keys: never[] };
    await expect(createTokenVerifier({ service: 'membership', jwks })(token)).resolves.toMatchObject({
      platform: ['dinas'],
    });
    const res = await post('/cooperatives', cooperativeBody({ cooperativeId: 'karangbesuki' }), token);
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
    const { runAdmin } = await import('../admin/commands');
    await runAdmin(
      [
        'create-pengurus',
        '--cooperative',
        'karangbesuki',
        '--name',
        'Pak Ketua',
        '--phone',
        '081270001001',
        '--position',
        'ketua',
        '--password',
        'ketua-uji-2026',
      ],
      operator.deps,
      'development',
    );
    const token = await tokenOf('081270001001', 'ketua-uji-2026');
    const res = await post(
      '/cooperatives/karangbesuki/members',
      { displayName: 'Bu Sri', roles: ['anggota', 'penjual'], phone: '081234567890', nik },
      token,
    );
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
      joinedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(JSON.stringify(record.envelope)).not.toMatch(/3573011203900004|81234567890/);
    expect(service.output()).not.toMatch(/3573011203900004|81234567890/);
  });
});

describe('audit events over the real broker', () => {
  it('publishes role assignment and sign-ins as AuditRecorded keyed by the cooperative, without personal data', async () => {
    const audits = () =>
      reader.records
        .filter((r) => r.envelope.type === AuditRecorded.type)
        .map((r) => r.envelope as ReturnType<typeof AuditRecorded.envelope.parse>);
    // the ketua was created by the operator command (its outbox, swept by the relay) and signed in
    const signedIn = await waitFor(
      () => audits().find((e) => e.data.action === 'membership.sign-in.succeeded'),
      { what: 'sign-in AuditRecorded', timeoutMs: 20_000 },
    );
    const assigned = await waitFor(() => audits().find((e) => e.data.action === 'membership.role.assigned'), {
      what: 'role assigned AuditRecorded',
      timeoutMs: 20_000,
    });
    for (const e of [signedIn, assigned]) {
      expect(e.subject).toBe('karangbesuki');
      expect(AuditRecorded.envelope.safeParse(e).success).toBe(true);
    }
    expect(assigned.data).toMatchObject({
      actorId: 'operator',
      after: { roles: ['anggota', 'pengurus'], position: 'ketua' },
    });
    const record = reader.records.find((r) => r.envelope.id === signedIn.id)!;
    expect(record.topic).toBe('audit.entry.v1');
    expect(record.key).toBe('karangbesuki');
    expect(JSON.stringify(audits())).not.toMatch(/ketua-uji-2026|8127000100/);
  });
});
