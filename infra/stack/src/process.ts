import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Engine {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves once the process has exited (never rejects). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  running(): boolean;
}

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  logFile: string;
  pidFile: string;
  /** A stale pid from the pid file is only killed when its command line contains this string. */
  marker: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (only when we are root): PostgreSQL refuses to run as root. */
  uid?: number;
  gid?: number;
}

const live = new Set<Engine>();
const helpers = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllSync);
}

/** SIGKILLs every engine and helper this process started that still runs. Synchronous: safe in 'exit'. */
export function killAllSync(): void {
  for (const engine of live) {
    try {
      process.kill(engine.pid, 'SIGKILL');
    } catch {}
  }
  for (const child of helpers) {
    try {
      // Helpers run in their own process group (spawned detached): kill the whole group.
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }
}

/** Registers a short-lived helper process (a build step) so it dies with us. */
export function trackHelper(child: ChildProcess): void {
  helpers.add(child);
  child.once('exit', () => helpers.delete(child));
  installExitHook();
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandLine(pid: number): string {
  const proc = `/proc/${pid}/cmdline`;
  try {
    if (existsSync('/proc/self')) return readFileSync(proc, 'utf8').replaceAll('\0', ' ');
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** Kills a leftover process of an earlier run (same pid file) if it is still alive and really ours. */
export async function killStale(pidFile: string, marker: string, log?: (m: string) => void): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || !isAlive(pid)) return;
  if (!commandLine(pid).includes(marker)) return;
  log?.(`killing stale process ${pid} left over from an earlier run (${pidFile})`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {}
  if (await waitGone(pid, 5000)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {}
  await waitGone(pid, 5000);
}

/** Starts an engine with stdout/stderr appended to `logFile` and its pid written to `pidFile`. */
export function spawnEngine(opts: SpawnOptions): Engine {
  mkdirSync(dirname(opts.logFile), { recursive: true });
  mkdirSync(dirname(opts.pidFile), { recursive: true });
  const fd = openSync(opts.logFile, 'a');
  writeSync(fd, `\n=== ${new Date().toISOString()} ${opts.command} ${opts.args.join(' ')}\n`);
  let child: ChildProcess;
  try {
    child = spawn(opts.command, opts.args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', fd, fd],
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid } : {}),
    });
  } finally {
    closeSync(fd);
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  if (child.pid === undefined) throw new Error(`${opts.name}: could not start ${opts.command}`);
  const pid = child.pid;
  writeFileSync(opts.pidFile, `${pid}\n`);
  let done = false;
  const engine: Engine = { name: opts.name, child, pid, logFile: opts.logFile, exited, running: () => !done };
  live.add(engine);
  void exited.then(() => {
    done = true;
    live.delete(engine);
    try {
      if (readFileSync(opts.pidFile, 'utf8').trim() === String(pid)) rmSync(opts.pidFile, { force: true });
    } catch {}
  });
  installExitHook();
  return engine;
}

/**
 * Runs a short-lived helper (a build, a storage format) to completion in its own process group,
 * killed with us if we exit first. Resolves with its exit code and the tail of its output.
 */
export function runHelper(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so killing it also stops e.g. go's compile/link children
    });
    trackHelper(child);
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-6000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (err) => reject(new Error(`cannot run ${command}: ${err.message}`)));
    child.once('close', (code) => resolve({ code, output: output.trim() }));
  });
}

/** SIGTERM, wait up to `graceMs`, then SIGKILL; resolves when the process is gone. */
export async function stopEngine(engine: Engine, graceMs = 10_000): Promise<void> {
  if (!engine.running()) return;
  engine.child.kill('SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout' as const);
  if ((await Promise.race([engine.exited, timer])) === 'timeout') engine.child.kill('SIGKILL');
  await engine.exited;
}

export async function killEngine(engine: Engine): Promise<void> {
  if (!engine.running()) return;
  engine.child.kill('SIGKILL');
  await engine.exited;
}

export function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log file)';
  }
}

/** Polls `probe` until it resolves; fails early if the engine exits, and after `timeoutMs` with the log tail. */
export async function waitReady(
  engine: Engine,
  what: string,
  probe: () => Promise<unknown>,
  timeoutMs: number,
): Promise<void> {
  // PASAR_READY_TIMEOUT_MS stretches every engine's start timeout on slow or overloaded machines.
  timeoutMs = Number(process.env.PASAR_READY_TIMEOUT_MS) || timeoutMs;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    if (!engine.running()) {
      const { code, signal } = await engine.exited;
      throw new Error(
        `${engine.name} exited while starting (code ${code}, signal ${signal}). ` +
          `Last lines of ${engine.logFile}:\n${tail(engine.logFile)}`,
      );
    }
    try {
      await probe();
      return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? lastError.message : String(lastError);
      await killEngine(engine);
      throw new Error(
        `${engine.name} did not become ready (${what}) within ${timeoutMs / 1000}s: ${reason}. ` +
          `Last lines of ${engine.logFile}:\n${tail(engine.logFile)}`,
      );
    }
    await sleep(200);
  }
}
