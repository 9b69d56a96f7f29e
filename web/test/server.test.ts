import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type ActionFunctionArgs,
  createRequestHandler,
  type LoaderFunctionArgs,
  redirect,
  type ServerBuild,
} from '@remix-run/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { formAction } from '~/utils/action.server';
import { resetEnvForTests } from '~/utils/env.server';
import { publicUrl } from '~/utils/origin.server';
import { createStorefront, shutdownGracefully } from '../server';

/**
 * The production server (server.ts) in-process on a free port, in front of a tiny Remix build made of stub
 * route modules: a page route with an action (wrapped in the app's real formAction()) and resource routes
 * that show what Remix and the loaders receive. The stub build goes through the real Remix request handler,
 * so Remix's own CSRF check and request building are the real ones.
 */

const actionRuns: string[] = [];

const noComponent = () => null;

type RouteModule = ServerBuild['routes'][string]['module'];
/** A resource route: a loader and no component (the type insists on one; Remix does not). */
const resource = (loader: RouteModule['loader']) => ({ loader }) as RouteModule;

/** What a loader sees: the peer from getLoadContext, request.url, forwarded headers, a link built from them. */
function whoLoader({ request, context }: LoaderFunctionArgs) {
  return Response.json({
    peer: context.peer ?? null,
    url: request.url,
    host: request.headers.get('Host'),
    forwarded: ['X-Forwarded-Host', 'X-Forwarded-Proto', 'X-Forwarded-For'].map((h) =>
      request.headers.get(h),
    ),
    link: publicUrl(request, context, '/k/x/pesanan/ord_1?token=t'),
  });
}

let releaseStream: (() => void) | undefined;

const stubBuild: ServerBuild = {
  mode: 'production',
  entry: {
    module: {
      default: (_request, status, headers) =>
        new Response('<!doctype html><p>stub page</p>', {
          status,
          headers: { ...Object.fromEntries(headers), 'Content-Type': 'text/html' },
        }),
    },
  },
  routes: {
    root: { id: 'root', path: '', module: { default: noComponent } },
    'routes/form': {
      id: 'routes/form',
      parentId: 'root',
      path: 'form',
      module: {
        default: noComponent,
        loader: () => ({ ok: true }),
        action: formAction(async ({ request }: ActionFunctionArgs) => {
          actionRuns.push(String((await request.formData()).get('item')));
          return redirect('/form?done=1');
        }),
      },
    },
    'routes/who': { id: 'routes/who', parentId: 'root', path: 'who', module: resource(whoLoader) },
    'routes/healthz': {
      id: 'routes/healthz',
      parentId: 'root',
      path: 'healthz',
      module: resource(() => new Response('ok', { headers: { 'Content-Type': 'text/plain' } })),
    },
    'routes/slow': {
      id: 'routes/slow',
      parentId: 'root',
      path: 'slow',
      module: resource(() => new Promise((r) => setTimeout(() => r(new Response('done')), 150))),
    },
    'routes/stream': {
      id: 'routes/stream',
      parentId: 'root',
      path: 'stream',
      // Like the order events (SSE) route: a response that does not end on its own.
      module: resource(
        ({ request }: LoaderFunctionArgs) =>
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('data: hello\n\n'));
                let open = true;
                releaseStream = () => {
                  if (open) controller.close();
                  open = false;
                };
                request.signal.addEventListener('abort', () => releaseStream?.());
              },
            }),
            { headers: { 'Content-Type': 'text/event-stream' } },
          ),
      ),
    },
  },
  assets: {
    entry: { imports: [], module: '/assets/entry.client.js' },
    routes: {},
    url: '/assets/manifest.js',
    version: 'test',
  },
  publicPath: '/',
  assetsBuildDirectory: 'build/client',
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
  isSpaMode: false,
};

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request over a real socket, optionally from a chosen local address (127.0.0.2 = another peer). */
function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    from?: string;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        localAddress: options.from ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        res.on('end', done);
        // A response cut off by the server (shutdown) resolves with what arrived; the body shows it.
        res.on('error', () => undefined);
        res.on('close', done);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' };

let clientDir: string;

beforeAll(async () => {
  clientDir = await mkdtemp(path.join(tmpdir(), 'pasar-web-client-'));
  await mkdir(path.join(clientDir, 'assets'));
  await writeFile(path.join(clientDir, 'assets', 'entry.client-AbC123.js'), 'console.log("hi");\n');
  await writeFile(path.join(clientDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
});

afterAll(async () => {
  await rm(clientDir, { recursive: true, force: true });
});

const servers: Server[] = [];

/** Starts the server on a free port with the given environment (read when the app is created). */
async function start(env: Record<string, string> = {}): Promise<number> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  resetEnvForTests();
  const app = createStorefront({ build: stubBuild, clientDir });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => shutdownGracefully(s, 100)));
  vi.unstubAllEnvs();
  resetEnvForTests();
  actionRuns.length = 0;
});

describe('the stub build is a real Remix build', () => {
  it('without the server in front, Remix itself answers a forged post to a page route with an empty 500', async () => {
    const handler = createRequestHandler(stubBuild, 'production');
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await handler(
      new Request('http://127.0.0.1/form', {
        method: 'POST',
        headers: { ...FORM, Origin: 'https://evil.example', Host: '127.0.0.1' },
        body: 'item=forged',
      }),
    );
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('');
    expect(actionRuns).toEqual([]);
  });
});

describe('origin guard before Remix', () => {
  it('answers a forged form post to a page route with our 403 page (Bahasa Indonesia first) and runs no action', async () => {
    const port = await start();
    const res = await send(port, {
      method: 'POST',
      path: '/form',
      headers: { ...FORM, Origin: 'https://evil.example' },
      body: 'item=forged',
    });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="id">');
    const indonesian = res.body.indexOf('Formulir ini tidak dikirim dari halaman Pasar');
    const english = res.body.indexOf('This form was not sent from a Pasar page');
    expect(indonesian).toBeGreaterThan(0);
    expect(english).toBeGreaterThan(indonesian);
    expect(actionRuns).toEqual([]);
  });

  it('answers JSON to a single-fetch (.data) or non-browser post, and refuses a foreign Referer, Origin: null and neither', async () => {
    const port = await start();
    const json = await send(port, {
      method: 'POST',
      path: '/form.data',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: 'item=forged',
    });
    expect(json.status).toBe(403);
    expect(JSON.parse(json.body)).toEqual({
      reason: 'forbidden-origin',
      message: {
        id: 'Formulir ini tidak dikirim dari halaman Pasar. Muat ulang halaman lalu coba lagi.',
        en: 'This form was not sent from a Pasar page. Reload the page and try again.',
      },
    });
    const refused: Record<string, string>[] = [
      { Referer: 'https://evil.example/form' },
      { Origin: 'null' },
      {},
      { Origin: `http://127.0.0.1:${port + 1}` },
    ];
    for (const headers of refused) {
      const res = await send(port, {
        method: 'POST',
        path: '/form',
        headers: { ...FORM, ...headers },
        body: 'item=x',
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const res = await send(port, { method, path: '/form', headers: { Origin: 'https://evil.example' } });
      expect(res.status, method).toBe(403);
    }
    expect(actionRuns).toEqual([]);
  });

  it('lets a same-origin post (Origin, or Referer without Origin) through to Remix and the action', async () => {
    const port = await start();
    const own = `http://127.0.0.1:${port}`;
    const byOrigin = await send(port, {
      method: 'POST',
      path: '/form',
      headers: { ...FORM, Origin: own },
      body: 'item=ours',
    });
    expect(byOrigin.status).toBe(302);
    expect(byOrigin.headers.location).toBe('/form?done=1');
    const byReferer = await send(port, {
      method: 'POST',
      path: '/form',
      headers: { ...FORM, Referer: `${own}/form` },
      body: 'item=referer',
    });
    expect(byReferer.status).toBe(302);
    expect(actionRuns).toEqual(['ours', 'referer']);
  });

  it('accepts PUBLIC_BASE_URL and EXTRA_ORIGINS, not the address the server was reached on', async () => {
    const port = await start({
      PUBLIC_BASE_URL: 'https://pasar.example',
      EXTRA_ORIGINS: 'https://www.pasar.example',
    });
    const post = (origin: string, host = 'pasar.example') =>
      send(port, {
        method: 'POST',
        path: '/form',
        headers: { ...FORM, Origin: origin, Host: host },
        body: 'item=a',
      });
    expect((await post('https://pasar.example')).status).toBe(302);
    expect((await post('https://www.pasar.example', 'www.pasar.example')).status).toBe(302);
    expect((await post(`http://127.0.0.1:${port}`, `127.0.0.1:${port}`)).status).toBe(403);
    expect(actionRuns).toEqual(['a', 'a']);
  });

  it('leaves GET, HEAD and OPTIONS alone and keeps /healthz working', async () => {
    const port = await start();
    const health = await send(port, { path: '/healthz', headers: { Origin: 'https://evil.example' } });
    expect(health.status).toBe(200);
    expect(health.body).toBe('ok');
    expect((await send(port, { method: 'HEAD', path: '/healthz' })).status).toBe(200);
    expect(
      (await send(port, { method: 'GET', path: '/form', headers: { Accept: 'text/html' } })).body,
    ).toContain('stub page');
  });
});

describe('trusted proxies', () => {
  const FORWARDED = {
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-Host': 'pasar.example',
    'X-Forwarded-For': '203.0.113.7',
  };

  it('believes X-Forwarded-Proto/Host/For from a trusted peer and hands them to the loaders', async () => {
    const port = await start({ TRUSTED_PROXIES: '127.0.0.1' });
    const res = await send(port, { path: '/who', headers: FORWARDED, from: '127.0.0.1' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      peer: { protocol: 'https', host: 'pasar.example', clientAddress: '203.0.113.7' },
      url: 'https://pasar.example/who',
      host: 'pasar.example',
      // Only the (normalised) scheme stays: request.url already carries the host.
      forwarded: [null, 'https', null],
      link: 'https://pasar.example/k/x/pesanan/ord_1?token=t',
    });
  });

  it('ignores them from an untrusted peer (and removes them before Remix sees them)', async () => {
    const port = await start({ TRUSTED_PROXIES: '127.0.0.1' });
    const res = await send(port, {
      path: '/who',
      headers: { ...FORWARDED, 'X-Forwarded-Host': 'evil.example:8443' },
      from: '127.0.0.2',
    });
    expect(JSON.parse(res.body)).toEqual({
      peer: { protocol: 'http', host: `127.0.0.1:${port}`, clientAddress: '127.0.0.2' },
      url: `http://127.0.0.1:${port}/who`,
      host: `127.0.0.1:${port}`,
      forwarded: [null, null, null],
      link: `http://127.0.0.1:${port}/k/x/pesanan/ord_1?token=t`,
    });
  });

  it('checks posts against the origin the trusted proxy reports, and not the one an untrusted peer claims', async () => {
    const port = await start({ TRUSTED_PROXIES: '127.0.0.1' });
    const post = (from: string) =>
      send(port, {
        method: 'POST',
        path: '/form',
        headers: { ...FORM, ...FORWARDED, Origin: 'https://pasar.example' },
        body: `item=${from}`,
        from,
      });
    expect((await post('127.0.0.1')).status).toBe(302);
    expect((await post('127.0.0.2')).status).toBe(403);
    expect(actionRuns).toEqual(['127.0.0.1']);
  });

  it('trusts loopback by default, nobody with TRUSTED_PROXIES=none, and PUBLIC_BASE_URL wins over a proxy', async () => {
    const loopback = await start();
    expect(
      JSON.parse((await send(loopback, { path: '/who', headers: FORWARDED, from: '127.0.0.2' })).body).peer,
    ).toEqual({ protocol: 'https', host: 'pasar.example', clientAddress: '203.0.113.7' });
    const none = await start({ TRUSTED_PROXIES: 'none' });
    expect(JSON.parse((await send(none, { path: '/who', headers: FORWARDED })).body).peer.protocol).toBe(
      'http',
    );
    const configured = await start({ PUBLIC_BASE_URL: 'https://pasar.example' });
    const who = JSON.parse(
      (
        await send(configured, {
          path: '/who',
          headers: { 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'evil.example' },
        })
      ).body,
    );
    expect(who.link).toBe('https://pasar.example/k/x/pesanan/ord_1?token=t');
  });
});

describe('static files', () => {
  it('caches hashed /assets for a year (immutable) and the rest of build/client for an hour', async () => {
    const port = await start();
    const asset = await send(port, { path: '/assets/entry.client-AbC123.js' });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log("hi");\n');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const favicon = await send(port, { path: '/favicon.svg' });
    expect(favicon.status).toBe(200);
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
    // A missing asset falls through to Remix (404 from its router), never a directory listing.
    expect((await send(port, { path: '/assets/missing.js' })).status).toBe(404);
  });
});

describe('graceful shutdown', () => {
  it('lets a running request finish, closes a stream that would not end, then refuses new connections', async () => {
    const port = await start();
    const server = servers.pop() as Server;
    const slow = send(port, { path: '/slow' });
    const stream = send(port, { path: '/stream' });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await shutdownGracefully(server, 400);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await slow).toMatchObject({ status: 200, body: 'done' });
    expect((await stream).body).toBe('data: hello\n\n');
    releaseStream?.();
    await expect(send(port, { path: '/healthz' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
