import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, repoRoot, spawnTs, type SpawnedProcess, waitFor } from '@pasar/testkit';
import type { TestMarket } from './market';
import { chromium } from 'playwright-core';

export interface RunningWeb {
  url: string;
  proc: SpawnedProcess;
  stop(): Promise<unknown>;
}

/**
 * Serves the production build of the storefront (its own server, web/server.ts) against a test market.
 * `port`: one chosen beforehand, e.g. when payments must know the storefront's URL (STOREFRONT_URL).
 */
export async function startWeb(m: TestMarket, opts: { port?: number } = {}): Promise<RunningWeb> {
  const web = join(repoRoot(), 'web');
  const server = join(web, 'build', 'server.js');
  if (!existsSync(server))
    throw new Error('No storefront build: run `pnpm --filter @pasar/web build` (npm test does it).');
  const port = opts.port ?? (await freePort());
  const proc = spawnTs(
    server,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SESSION_SECRET: 'browser-test-session-secret-0123',
      COOKIE_SECURE: 'false',
      CATALOG_URL: m.urls.catalog,
      ORDERS_URL: m.urls.orders,
      PAYMENTS_URL: m.urls.payments,
      MEMBERSHIP_URL: m.urls.membership,
      LEDGER_URL: m.urls.ledger,
      MEMBERSHIP_JWKS_URL: `${m.urls.membership}/.well-known/jwks.json`,
    },
    web,
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.ok, {
    timeoutMs: 60_000,
    what: `storefront on ${url}\n${proc.output()}`,
  });
  return { url, proc, stop: () => proc.stop() };
}

/** Debian's Chromium for the browser suite, with the flags ARCHITECTURE.md names (headless, no sandbox). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
