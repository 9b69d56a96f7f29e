import { createLogger } from '@pasar/events';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServiceApp } from './app';
import { ConfigError, BaseConfigSchema, loadConfig } from './config';
import { DomainError } from './errors';
import { validate } from './validate';

const logger = createLogger('test', 'silent');
const json = (res: Response) => res.json() as Promise<any>;

function buildApp(ready = true) {
  const app = createServiceApp({
    name: 'test',
    logger,
    readiness: { mongo: async () => ready },
    maxBodyBytes: 1024,
  });
  app.post(
    '/things',
    validate('json', z.object({ name: z.string().min(2), qty: z.number().int().positive() })),
    (c) => c.json(c.req.valid('json'), 201),
  );
  app.get('/things/:id', validate('param', z.object({ id: z.string().regex(/^t\d+$/) })), (c) => {
    throw new DomainError('THING.NOT_FOUND', `No thing ${c.req.valid('param').id}`, 404);
  });
  app.get('/boom', () => {
    throw new Error('secret internals');
  });
  return app;
}

describe('service app', () => {
  it('answers bad JSON fields with 400 naming each field', async () => {
    const res = await buildApp().request('/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', qty: 0 }),
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('VALIDATION.FAILED');
    expect(body.details.issues.map((i: { field: string }) => i.field)).toEqual(['name', 'qty']);
  });

  it('prefixes path parameter failures with the part', async () => {
    const res = await buildApp().request('/things/zzz');
    expect(res.status).toBe(400);
    expect((await json(res)).details.issues[0].field).toBe('param.id');
  });

  it('maps a DomainError to its status and code', async () => {
    const res = await buildApp().request('/things/t1');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ code: 'THING.NOT_FOUND', message: 'No thing t1' });
  });

  it('hides unknown errors behind a 500 with the request id', async () => {
    const res = await buildApp().request('/boom');
    expect(res.status).toBe(500);
    const body = await json(res);
    expect(body.code).toBe('INTERNAL.UNEXPECTED');
    expect(body.message).not.toContain('secret');
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('answers unknown routes with JSON 404', async () => {
    const res = await buildApp().request('/nope');
    expect(res.status).toBe(404);
    expect((await json(res)).code).toBe('ROUTE.NOT_FOUND');
  });

  it('refuses oversized bodies with 413', async () => {
    const res = await buildApp().request('/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(5000), qty: 1 }),
    });
    expect(res.status).toBe(413);
    expect((await json(res)).code).toBe('REQUEST.TOO_LARGE');
  });

  it('applies a path limit instead of the default one, with its own refusal', async () => {
    const app = createServiceApp({
      name: 'test',
      logger,
      maxBodyBytes: 1024,
      bodyLimits: [
        { path: /^\/uploads$/, maxBytes: 4096, error: () => new DomainError('UPLOAD.TOO_LARGE', 'big', 413) },
      ],
    });
    app.post('/uploads', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }, 200));
    app.post('/other', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }, 200));
    const send = (path: string, size: number) =>
      app.request(path, { method: 'POST', body: 'x'.repeat(size) });

    expect(await json(await send('/uploads', 3000))).toEqual({ bytes: 3000 });
    const tooBig = await send('/uploads', 5000);
    expect(tooBig.status).toBe(413);
    expect((await json(tooBig)).code).toBe('UPLOAD.TOO_LARGE');
    expect((await send('/other', 3000)).status).toBe(413);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await buildApp().request('/things', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(res.status).toBe(400);
  });

  it('reports readiness from its checks', async () => {
    expect((await buildApp(true).request('/readyz')).status).toBe(200);
    const res = await buildApp(false).request('/readyz');
    expect(res.status).toBe(503);
    expect((await json(res)).checks).toEqual({ mongo: false });
  });
});

describe('loadConfig', () => {
  it('names every missing and invalid variable', () => {
    try {
      loadConfig(BaseConfigSchema, { PORT: 'abc', KAFKA_BROKERS: 'nohost' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const text = (err as ConfigError).message;
      expect(text).toContain('MONGO_URL is required but not set');
      expect(text).toContain('PORT');
      expect(text).toContain('KAFKA_BROKERS');
    }
  });

  it('parses a good environment', () => {
    const cfg = loadConfig(BaseConfigSchema, {
      PORT: '4001',
      MONGO_URL: 'mongodb://x/db',
      KAFKA_BROKERS: 'a:1,b:2',
    });
    expect(cfg.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(cfg.PORT).toBe(4001);
  });
});
