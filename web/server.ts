/**
 * The storefront's production server: Express in front of the Remix request handler (replaces remix-serve).
 * Built by `pnpm build` to build/server.js and started with `node build/server.js` (see README).
 *
 * - `trust proxy` comes from TRUSTED_PROXIES: X-Forwarded-Proto/Host/For are believed only when the
 *   socket's peer is one of them. Remix then sees Host = the believed public host and no forwarded headers
 *   from anyone else, so request.url is the address the browser used.
 * - Before Remix, every state-changing request whose Origin (or Referer) is not one of the allowed origins
 *   gets our 403 (the rule of app/utils/origin.server.ts), so Remix's own CSRF check never answers a forged
 *   post with an empty 500 and no action runs.
 * - Loaders and actions get `context.peer` (protocol, host, client address as believed above).
 */
import { realpathSync } from 'node:fs';
import type { Server } from 'node:http';
import type { TLSSocket } from 'node:tls';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import { getEnv } from './app/utils/env.server';
import { translate } from './app/utils/i18n';
import {
  allowedOriginsOfPeer,
  FORBIDDEN_ORIGIN,
  isAllowedSource,
  type RequestPeer,
  resolvePeer,
} from './app/utils/origin.server';

export interface StorefrontOptions {
  /** The Remix server build (build/server/index.js). */
  build: ServerBuild;
  /** The browser assets (build/client). */
  clientDir: string;
}

type TrustFn = (address: string | undefined, hop: number) => boolean;

const FORWARDED_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-for', 'forwarded'] as const;

/** What the socket and the trusted proxies say about this request (computed once, kept in res.locals). */
function peerOf(req: Request, res: Response): RequestPeer {
  const known = res.locals.peer as RequestPeer | undefined;
  if (known) return known;
  const trust = req.app.get('trust proxy fn') as TrustFn;
  const remote = req.socket.remoteAddress;
  const trustedProxy = remote !== undefined && trust(remote, 0);
  const peer = resolvePeer({
    encrypted: (req.socket as Partial<TLSSocket>).encrypted === true,
    trustedProxy,
    host: req.get('Host'),
    forwardedProto: req.get('X-Forwarded-Proto'),
    forwardedHost: req.get('X-Forwarded-Host'),
    clientAddress: req.ip,
  });
  // Remix builds request.url (and runs its own origin check) from Host / X-Forwarded-*: from here on they say
  // what we believe. Host becomes the public host (@remix-run/express would otherwise mix a forwarded host
  // with the Host header's port), a trusted proxy's scheme is kept normalised, everything else is dropped.
  for (const name of FORWARDED_HEADERS) delete req.headers[name];
  req.headers.host = peer.host;
  if (trustedProxy) req.headers['x-forwarded-proto'] = peer.protocol;
  res.locals.peer = peer;
  return peer;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function forbiddenPage(): string {
  const part = (lang: 'id' | 'en') => `<section lang="${lang}">
<h1>${escapeHtml(translate(lang, 'error.forbidden.title'))}</h1>
<p>${escapeHtml(translate(lang, 'error.forbidden.body'))}</p>
<p><a href="/">${escapeHtml(translate(lang, 'error.home'))}</a></p>
</section>`;
  return `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(translate('id', 'error.forbidden.title'))} — Pasar</title></head>
<body>
<main>
${part('id')}
<hr>
${part('en')}
</main>
</body>
</html>
`;
}

/** Our 403 for a forged post: a page for browsers, JSON for everything else (single-fetch `.data`, APIs). */
function refuseForeignOrigin(req: Request, res: Response): void {
  res.status(403).set('Cache-Control', 'no-store').vary('Accept');
  const wantsHtml = !req.path.endsWith('.data') && req.accepts(['html', 'json']) === 'html';
  if (wantsHtml) {
    res.type('html').send(forbiddenPage());
    return;
  }
  res.json({
    ...FORBIDDEN_ORIGIN,
    message: { id: translate('id', 'error.forbidden.body'), en: translate('en', 'error.forbidden.body') },
  });
}

/** The CSRF rule of origin.server.ts, as middleware: runs before Remix (and its own check) for every route. */
function originGuard(req: Request, res: Response, next: NextFunction): void {
  const peer = peerOf(req, res);
  if (isAllowedSource(req.method, req.get('Origin'), req.get('Referer'), allowedOriginsOfPeer(peer))) {
    next();
    return;
  }
  refuseForeignOrigin(req, res);
}

/** The Express app: trusted proxies, the origin guard, static assets, then Remix. */
export function createStorefront({ build, clientDir }: StorefrontOptions): express.Express {
  const env = getEnv();
  const app = express();
  app.disable('x-powered-by');
  // An empty list trusts nobody (Express compiles [] to "trust none").
  app.set('trust proxy', env.TRUSTED_PROXIES);
  app.use((req, res, next) => {
    peerOf(req, res);
    next();
  });
  app.use(originGuard);
  app.use(compression());
  const publicPath = build.publicPath || '/';
  // Vite's hashed files never change: cache them for a year. Everything else in build/client (favicon, …) an hour.
  app.use(
    path.posix.join(publicPath, 'assets'),
    express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }),
  );
  app.use(publicPath, express.static(clientDir, { maxAge: '1h', index: false }));
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ peer: peerOf(req, res) }),
    }),
  );
  return app;
}

/** Stops accepting connections, lets running requests finish, then closes what is left (SSE streams). */
export function shutdownGracefully(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function main(): Promise<void> {
  // As remix-serve did: a production server unless told otherwise (SESSION_SECRET is then required).
  process.env.NODE_ENV ??= 'production';
  const env = getEnv();
  const here = path.dirname(fileURLToPath(import.meta.url));
  const buildPath = path.join(here, 'server', 'index.js');
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  const app = createStorefront({ build, clientDir: path.join(here, 'client') });
  const onListen = () => {
    const address = server.address();
    const where = typeof address === 'string' ? address : `${address?.address}:${address?.port}`;
    console.log(
      `[web] listening on http://${where} (trusted proxies: ${env.TRUSTED_PROXIES.join(', ') || 'none'})`,
    );
  };
  const server = env.HOST ? app.listen(env.PORT, env.HOST, onListen) : app.listen(env.PORT, onListen);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`[web] ${signal}: finishing running requests`);
      shutdownGracefully(server).then(() => process.exit(0));
    });
  }
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main().catch((error: unknown) => {
    console.error('[web] could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
