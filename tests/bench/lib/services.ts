import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRepoRoot, freePort } from '@pasar/infra';

export const ADMIN_TOKEN = 'bench-admin-token-0123456789';

const children = new Set<ReturnType<typeof spawn>>();
// A benchmark that fails half-way must not leave services running: kill what is left on exit.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}

/** Starts services/<name>/src/main.ts as its own process and waits for /readyz. */
export async function startService(name: string, env: Record<string, string>): Promise<RunningService> {
  const root = findRepoRoot();
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join('services', name, 'src', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ADMIN_TOKEN,
      NIK_HASH_SALT: 'bench-salt-0123456789abcdef',
      NIK_ENCRYPTION_KEYS: JSON.stringify({ t1: Buffer.alloc(32, 7).toString('base64') }),
      NIK_ENCRYPTION_KEY_ID: 't1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${name} not ready in 90 s`);
    await sleep(200);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function dbUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as any;
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
