import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pasarHome, paths } from './paths';
import { assertPortFree, freePort } from './ports';
import { killEngine, killStale, spawnEngine, stopEngine, waitReady } from './process';
import type { EngineHandle, Log } from './types';

const READY_TIMEOUT_MS = 30_000;

async function answers(apiBase: string): Promise<void> {
  const res = await fetch(`${apiBase}/v1/customers`, {
    headers: { Authorization: 'Bearer sk_test_123' },
    signal: AbortSignal.timeout(2000),
  });
  await res.arrayBuffer();
  if (res.status >= 500) throw new Error(`HTTP ${res.status}`);
}

/** Where stripe-mock's dir keeps things; `marker` identifies its process (stale-pid check). */
export function stripeMockFiles(dataDir: string) {
  return {
    pidFile: join(dataDir, 'stripe-mock.pid'),
    logFile: join(dataDir, 'stripe-mock.log'),
    marker: paths.stripeMockBinary(),
  };
}

/**
 * Starts the official stripe-mock (stateless, no webhooks) over plain HTTP and waits until it answers.
 * `dataDir` (optional) holds its log and pid file; default `.pasar/run/stripe-mock-<port>`.
 */
export async function startStripeMock(opts: {
  port?: number;
  dataDir?: string;
  log?: Log;
}): Promise<EngineHandle & { apiBase: string }> {
  const log = opts.log ?? (() => {});
  const bin = paths.stripeMockBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `stripe-mock is missing at ${bin}: run provisionEngines() or \`pnpm stack provision\` first`,
    );
  }
  const port = opts.port ?? (await freePort());
  const dataDir = resolve(opts.dataDir ?? join(pasarHome(), 'run', `stripe-mock-${port}`));
  const { pidFile, logFile } = stripeMockFiles(dataDir);
  await killStale(pidFile, stripeMockFiles(dataDir).marker, log);
  await assertPortFree(port, 'stripe-mock');
  const apiBase = `http://127.0.0.1:${port}`;
  log(`stripe-mock: starting on ${apiBase} (log ${logFile})`);
  const engine = spawnEngine({
    name: 'stripe-mock',
    command: bin,
    // stripe-mock also opens HTTPS on :12112 unless told otherwise (-http-addr does not switch it off):
    // park it on a random loopback port so parallel instances never collide.
    args: ['-http-addr', `127.0.0.1:${port}`, '-https-addr', '127.0.0.1:0'],
    logFile,
    pidFile,
    marker: bin,
  });
  await waitReady(engine, `GET ${apiBase}/v1/customers`, () => answers(apiBase), READY_TIMEOUT_MS);
  log(`stripe-mock: ready on ${apiBase}`);
  return {
    apiBase,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
  };
}
