import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pasarHome, paths } from './paths';
import { assertPortFree, freePorts } from './ports';
import { killEngine, killStale, spawnEngine, stopEngine, waitReady } from './process';
import type { EngineHandle, Log } from './types';

const READY_TIMEOUT_MS = 30_000;

export interface MailpitHandle extends EngineHandle {
  /** `smtp://127.0.0.1:<port>` (no auth, no TLS): nodemailer's transport URL, SMTP_URL. */
  smtpUrl: string;
  /** `http://127.0.0.1:<port>`: the web UI, and its REST API under /api/v1 (MAILPIT_API). */
  apiBase: string;
}

async function answers(apiBase: string): Promise<void> {
  const res = await fetch(`${apiBase}/api/v1/info`, { signal: AbortSignal.timeout(2000) });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
}

/** Where Mailpit's dir keeps things; `marker` identifies its process (stale-pid check). */
export function mailpitFiles(dataDir: string) {
  return {
    pidFile: join(dataDir, 'mailpit.pid'),
    logFile: join(dataDir, 'mailpit.log'),
    database: join(dataDir, 'mailpit.db'),
    marker: paths.mailpitBinary(),
  };
}

/**
 * Starts Mailpit (a local SMTP server that keeps every mail, with a web UI and a REST API) and waits
 * until its API answers. Mail is kept in `<dataDir>/mailpit.db`; default dir `.pasar/run/mailpit-<port>`.
 */
export async function startMailpit(opts: {
  smtpPort?: number;
  httpPort?: number;
  dataDir?: string;
  log?: Log;
}): Promise<MailpitHandle> {
  const log = opts.log ?? (() => {});
  const bin = paths.mailpitBinary();
  if (!existsSync(bin)) {
    throw new Error(`Mailpit is missing at ${bin}: run provisionEngines() or \`pnpm stack provision\` first`);
  }
  const [free1, free2] = opts.smtpPort !== undefined && opts.httpPort !== undefined ? [] : await freePorts(2);
  const smtpPort = opts.smtpPort ?? free1!;
  const httpPort = opts.httpPort ?? free2!;
  const dataDir = resolve(opts.dataDir ?? join(pasarHome(), 'run', `mailpit-${httpPort}`));
  const { pidFile, logFile, database, marker } = mailpitFiles(dataDir);
  await killStale(pidFile, marker, log);
  await assertPortFree(smtpPort, 'Mailpit SMTP');
  await assertPortFree(httpPort, 'Mailpit HTTP');
  const apiBase = `http://127.0.0.1:${httpPort}`;
  const smtpUrl = `smtp://127.0.0.1:${smtpPort}`;
  log(`mailpit: starting SMTP on ${smtpUrl}, UI on ${apiBase} (log ${logFile})`);
  const engine = spawnEngine({
    name: 'mailpit',
    command: bin,
    args: [
      '--smtp',
      `127.0.0.1:${smtpPort}`,
      '--listen',
      `127.0.0.1:${httpPort}`,
      '--database',
      database,
      // Plain SMTP without auth on loopback; no outbound checks for updates.
      '--smtp-auth-accept-any',
      '--smtp-auth-allow-insecure',
      '--disable-version-check',
    ],
    logFile,
    pidFile,
    marker: bin,
  });
  await waitReady(engine, `GET ${apiBase}/api/v1/info`, () => answers(apiBase), READY_TIMEOUT_MS);
  log(`mailpit: ready (SMTP ${smtpUrl}, UI ${apiBase})`);
  return {
    smtpUrl,
    apiBase,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
  };
}
