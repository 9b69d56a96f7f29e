import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { freePort } from './ports';
import { killEngine, killStale, runHelper, spawnEngine, stopEngine, waitReady } from './process';
import type { EngineHandle, Log } from './types';

/**
 * PostgreSQL for FerretDB's postgresql handler (the optional backend, PASAR_FERRETDB_BACKEND=postgresql).
 * Uses the machine's PostgreSQL server binaries (Debian's postgresql package); a throwaway cluster
 * with fsync off lives in `<dataDir>`, reachable on 127.0.0.1 only, trust auth.
 */
function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    : [];
  const latest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!latest) {
    throw new Error(
      'PostgreSQL server binaries not found under /usr/lib/postgresql: install them with `apt-get install postgresql` ' +
        '(or use the default SQLite backend: unset PASAR_FERRETDB_BACKEND)',
    );
  }
  return join(root, latest, 'bin');
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The postgres user must be able to walk down to its data dir (mkdtemp makes 0700 folders). */
function letUserThrough(dir: string): void {
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    const st = statSync(d);
    if (st.uid === 0 && (st.mode & 0o001) === 0) chmodSync(d, (st.mode & 0o777) | 0o011);
  }
}

export async function startPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: Log;
}): Promise<EngineHandle & { url: string }> {
  const log = opts.log ?? (() => {});
  const bin = pgBinDir();
  const dataDir = resolve(opts.dataDir);
  const cluster = join(dataDir, 'cluster');
  const user = runAs();
  mkdirSync(dataDir, { recursive: true });
  if (user) {
    chownSync(dataDir, user.uid, user.gid);
    letUserThrough(dirname(dataDir));
  }
  const pidFile = join(dataDir, 'postgres.pid.pasar');
  const logFile = join(dataDir, 'postgres.log');
  await killStale(pidFile, cluster, log);
  if (!existsSync(join(cluster, 'PG_VERSION'))) {
    log(`PostgreSQL: initdb ${cluster}`);
    const args = ['-D', cluster, '-A', 'trust', '-U', 'postgres', '--no-sync'];
    const res = user
      ? await runHelper('setpriv', [
          `--reuid=${user.uid}`,
          `--regid=${user.gid}`,
          '--clear-groups',
          join(bin, 'initdb'),
          ...args,
        ])
      : await runHelper(join(bin, 'initdb'), args);
    if (res.code !== 0) throw new Error(`initdb failed:\n${res.output}`);
  }
  const port = opts.port ?? (await freePort());
  const engine = spawnEngine({
    name: 'PostgreSQL',
    command: join(bin, 'postgres'),
    args: [
      '-D',
      cluster,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // A development engine: durability traded for speed, like FerretDB's synchronous=normal.
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
    ],
    logFile,
    pidFile,
    marker: cluster,
    ...(user ?? {}),
  });
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitReady(
    engine,
    'pg_isready',
    async () => {
      const r = await runHelper(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)]);
      if (r.code !== 0) throw new Error(r.output);
    },
    30_000,
  );
  log(`PostgreSQL: ready on 127.0.0.1:${port}`);
  return {
    url,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
  };
}
