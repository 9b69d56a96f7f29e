import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pasarHome, paths } from './paths';
import { assertPortFree, freePort } from './ports';
import { killEngine, killStale, spawnEngine, stopEngine, waitReady } from './process';
import type { EngineHandle, Log } from './types';

/** The dev keys of our Midtrans sandbox (never real Midtrans keys; any SB-Mid-… string works). */
export const MIDTRANS_SERVER_KEY = 'SB-Mid-server-pasar-dev';
export const MIDTRANS_CLIENT_KEY = 'SB-Mid-client-pasar-dev';

const READY_TIMEOUT_MS = 30_000;

const mainFile = () => join(paths.root(), 'infra', 'midtrans-sandbox', 'src', 'main.ts');

async function answers(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl}/_sandbox/health`, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

/** Where the sandbox's dir keeps things; `marker` identifies its process (stale-pid check). */
export function midtransSandboxFiles(dataDir: string) {
  return {
    pidFile: join(dataDir, 'midtrans-sandbox.pid'),
    logFile: join(dataDir, 'midtrans-sandbox.log'),
    marker: mainFile(),
  };
}

/**
 * Starts our offline Midtrans (infra/midtrans-sandbox: Snap + Core API, payment page, signed
 * notifications; in memory, so a restart forgets its transactions) as a child process and waits
 * until GET /_sandbox/health answers. `dataDir` (optional) holds its log and pid file; default
 * `.pasar/run/midtrans-sandbox-<port>`. `notificationUrl` is the default notification URL (the
 * payments service may override it per transaction with X-Override-Notification).
 */
export async function startMidtransSandbox(opts: {
  port?: number;
  dataDir?: string;
  log?: Log;
  serverKey?: string;
  notificationUrl?: string;
}): Promise<EngineHandle & { baseUrl: string; serverKey: string }> {
  const log = opts.log ?? (() => {});
  const main = mainFile();
  if (!existsSync(main)) throw new Error(`the Midtrans sandbox is missing at ${main}`);
  const serverKey = opts.serverKey ?? MIDTRANS_SERVER_KEY;
  const port = opts.port ?? (await freePort());
  const dataDir = resolve(opts.dataDir ?? join(pasarHome(), 'run', `midtrans-sandbox-${port}`));
  const { pidFile, logFile, marker } = midtransSandboxFiles(dataDir);
  await killStale(pidFile, marker, log);
  await assertPortFree(port, 'midtrans-sandbox');
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`midtrans-sandbox: starting on ${baseUrl} (log ${logFile})`);
  const args = ['--import', 'tsx', main, '--port', String(port), '--server-key', serverKey];
  if (opts.notificationUrl) args.push('--notification-url', opts.notificationUrl);
  const engine = spawnEngine({
    name: 'midtrans-sandbox',
    command: process.execPath,
    args,
    cwd: paths.root(), // where `--import tsx` resolves
    logFile,
    pidFile,
    marker,
  });
  await waitReady(engine, `GET ${baseUrl}/_sandbox/health`, () => answers(baseUrl), READY_TIMEOUT_MS);
  log(`midtrans-sandbox: ready on ${baseUrl}`);
  return {
    baseUrl,
    serverKey,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
  };
}
