import { z } from '@hono/zod-openapi';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createServiceApp } from '../app';
import { createTestIssuer } from './test-issuer';
import { requireCooperativeAccess } from './access';
import { defineRoute, routeTable } from './routes';

const issuer = await createTestIssuer();
const logger = pino({ level: 'silent' });

const listStaff = defineRoute({
  method: 'get',
  path: '/cooperatives/{cooperativeId}/things',
  access: { allow: ['pengurus', 'pengawas'], scope: 'path' },
  request: { params: z.object({ cooperativeId: z.string() }) },
  responses: {
    200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } },
  },
});
const roleChange = defineRoute({
  method: 'post',
  path: '/cooperatives/{cooperativeId}/roles',
  access: { allow: ['pengurus'], scope: 'path', position: 'ketua' },
  request: {
    params: z.object({ cooperativeId: z.string() }),
    body: { content: { 'application/json': { schema: z.object({ role: z.enum(['kasir']) }) } } },
  },
  responses: { 200: { description: 'ok' } },
});
const byId = defineRoute({
  method: 'get',
  path: '/things/{id}',
  access: { allow: ['gudang'], scope: 'resource' },
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: { description: 'ok' } },
});
const mine = defineRoute({
  method: 'get',
  path: '/me',
  access: { allow: ['signed-in'] },
  responses: { 200: { description: 'ok' } },
});

function app() {
  const a = createServiceApp({ name: 'test', logger, verifier: issuer.verifier('catalog') });
  a.openapi(listStaff, (c) => c.json({ ok: true }, 200));
  a.openapi(roleChange, (c) => c.body(null, 200));
  a.openapi(byId, (c) => {
    // the resource lives in karangbesuki
    requireCooperativeAccess(c, 'karangbesuki');
    return c.body(null, 200);
  });
  a.openapi(mine, (c) => c.body(null, 200));
  return a;
}

const grant = (cooperativeId: string, roles: string[], position?: string) =>
  ({ cooperativeId, roles, ...(position ? { position } : {}) }) as never;
const bearer = async (grants: never[] = [], opts?: Parameters<typeof issuer.token>[1]) => ({
  authorization: `Bearer ${await issuer.token({ personId: 'p1', grants }, opts)}`,
});

describe('access tokens', () => {
  it('accepts a valid token and rejects none, expired, tampered, wrong audience and foreign keys', async () => {
    const a = app();
    expect((await a.request('/me', { headers: await bearer() })).status).toBe(200);
    expect((await a.request('/me')).status).toBe(401);
    const expired = await a.request('/me', { headers: await bearer([], { ttlSeconds: -60 }) });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { message: string }).message).toContain('expired');
    const token = await issuer.token({ personId: 'p1' });
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: 'p2' }),
    ).toString('base64url');
    expect(
      (await a.request('/me', { headers: { authorization: `Bearer ${h}.${forged}.${s}` } })).status,
    ).toBe(401);
    expect((await a.request('/me', { headers: await bearer([], { service: 'orders' }) })).status).toBe(401);
    const stranger = await createTestIssuer();
    const alien = await stranger.token({ personId: 'p1' });
    expect((await a.request('/me', { headers: { authorization: `Bearer ${alien}` } })).status).toBe(401);
    expect((await a.request('/me', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});

describe('enforce()', () => {
  it('path scope: role in the same cooperative passes; other staff 403; other cooperative 404', async () => {
    const a = app();
    const url = '/cooperatives/karangbesuki/things';
    expect(
      (await a.request(url, { headers: await bearer([grant('karangbesuki', ['pengawas'])]) })).status,
    ).toBe(200);
    expect((await a.request(url, { headers: await bearer([grant('karangbesuki', ['kasir'])]) })).status).toBe(
      403,
    );
    expect((await a.request(url, { headers: await bearer([grant('dinoyo', ['pengurus'])]) })).status).toBe(
      404,
    );
    expect((await a.request(url)).status).toBe(401);
  });

  it('position narrows pengurus: only the ketua changes roles, and auth runs before validation', async () => {
    const a = app();
    const url = '/cooperatives/karangbesuki/roles';
    const post = (headers: Record<string, string>, body: unknown) =>
      a.request(url, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const ketua = await bearer([grant('karangbesuki', ['pengurus'], 'ketua')]);
    const bendahara = await bearer([grant('karangbesuki', ['pengurus'], 'bendahara')]);
    expect((await post(ketua, { role: 'kasir' })).status).toBe(200);
    expect((await post(bendahara, { role: 'kasir' })).status).toBe(403);
    expect((await post({}, { role: 'nope' })).status).toBe(401);
    const plain = await a.request(url, {
      method: 'POST',
      headers: { ...ketua, 'content-type': 'text/plain' },
      body: 'role=kasir',
    });
    expect(plain.status).toBe(415);
    const bad = await post(ketua, { role: 'nope' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('role');
  });

  it('resource scope: the use case answers 404 for another cooperative', async () => {
    const a = app();
    expect(
      (await a.request('/things/x', { headers: await bearer([grant('karangbesuki', ['gudang'])]) })).status,
    ).toBe(200);
    expect(
      (await a.request('/things/x', { headers: await bearer([grant('dinoyo', ['gudang'])]) })).status,
    ).toBe(404);
    expect(
      (await a.request('/things/x', { headers: await bearer([grant('karangbesuki', ['anggota'])]) })).status,
    ).toBe(403);
  });

  it('lists every route with its rule', () => {
    const table = routeTable(app());
    expect(table.map((r) => `${r.method} ${r.path}`)).toContain('POST /cooperatives/{cooperativeId}/roles');
    expect(table.every((r) => r.access)).toBe(true);
  });
});

describe('unknown methods', () => {
  it('a known path with another method is 405 with Allow; an unknown path 404', async () => {
    const a = app();
    const res = await a.request('/me', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
    const param = await a.request('/cooperatives/karangbesuki/things', { method: 'PUT' });
    expect(param.status).toBe(405);
    expect((await a.request('/nowhere')).status).toBe(404);
  });
});
