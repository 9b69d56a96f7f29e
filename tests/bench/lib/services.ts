import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRepoRoot, freePort } from '@pasar/infra';

const children = new Set<ReturnType<typeof spawn>>();
// A benchmark that fails half-way must not leave services running: kill what is left on exit.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

export interface RunningService {
  url: string;
  pid: number | undefined;
  /** Lines the service wrote to stdout (its pino log) so far. */
  logLines(): number;
  stop(): Promise<void>;
}

/**
 * How services run: `dist` (default, as `npm start` runs them) — the bundle of
 * `pnpm --filter @pasar/<name> build`, built once per benchmark; `tsx` — the TypeScript sources
 * through the tsx loader, as the test suites run them.
 */
const RUNNER = process.env.BENCH_RUNNER ?? 'dist';
/** BENCH_CPU_PROF=<dir>: every service writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const CPU_PROF = process.env.BENCH_CPU_PROF;
const built = new Map<string, Promise<void>>();

function build(name: string): Promise<void> {
  let p = built.get(name);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const child = spawn('pnpm', ['--filter', `@pasar/${name}`, 'build'], {
        cwd: findRepoRoot(),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`build of ${name}: exit ${code}`)),
      );
    });
    built.set(name, p);
  }
  return p;
}

/** Starts one service as its own process (built JS or tsx, see RUNNER) and waits for /readyz. */
export async function startService(name: string, env: Record<string, string>): Promise<RunningService> {
  const root = findRepoRoot();
  const port = await freePort();
  if (RUNNER === 'dist') await build(name);
  const args = [
    ...(CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(CPU_PROF, name)}`] : []),
    ...(RUNNER === 'dist'
      ? [join('services', name, 'dist', 'main.js')]
      : ['--import', 'tsx', join('services', name, 'src', 'main.ts')]),
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      NIK_HASH_SALT: 'bench-salt-0123456789abcdef',
      NIK_ENCRYPTION_KEYS: JSON.stringify({ t1: Buffer.alloc(32, 7).toString('base64') }),
      NIK_ENCRYPTION_KEY_ID: 't1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let lines = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
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
    pid: child.pid,
    logLines: () => lines,
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
