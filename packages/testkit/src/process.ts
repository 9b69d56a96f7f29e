import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { waitFor } from './helpers';

export function repoRoot(from = process.cwd()): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('pnpm-workspace.yaml not found above ' + from);
    dir = up;
  }
  return dir;
}

export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
  /** Resolves once the process has ended and its output has been read to the end. */
  exited: Promise<number | null>;
}

/**
 * Runs a TypeScript (or JavaScript) entry file with tsx in its own process, output captured.
 * `env` adds to this process's environment; a variable given as undefined is left out.
 */
export function spawnTs(
  file: string,
  env: Record<string, string | undefined>,
  cwd = repoRoot(),
  args: string[] = [],
): SpawnedProcess {
  // node itself with the tsx loader, not the tsx wrapper: signals (SIGTERM, SIGKILL) must reach the
  // process that runs the code, or a "killed" process would live on as an orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd,
    env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([, v]) => v !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  // 'close', not 'exit': 'exit' can fire while the last lines written before a SIGKILL are still in
  // the pipe, and a test reading output() right after would miss them.
  const exited = once(child, 'close').then(([code]) => code as number | null);
  return {
    child,
    output: () => out,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export interface SpawnedService extends SpawnedProcess {
  url: string;
}

/** Starts services/<name>/src/main.ts on `port` and waits until /readyz answers 200. */
export async function spawnService(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<SpawnedService> {
  const proc = spawnTs(join(repoRoot(), 'services', name, 'src', 'main.ts'), { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  let exitCode: number | null | undefined;
  void proc.exited.then((c) => {
    exitCode = c;
  });
  await waitFor(
    async () => {
      if (exitCode !== undefined) throw new Error(`${name} exited with ${exitCode}:\n${proc.output()}`);
      return (await fetch(`${url}/readyz`).catch(() => undefined))?.ok;
    },
    { timeoutMs: 60_000, what: `${name} to be ready` },
  ).catch((err) => {
    void proc.kill();
    throw err;
  });
  return { ...proc, url };
}
