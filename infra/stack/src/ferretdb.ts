import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import mongoose from 'mongoose';
import { paths } from './paths';
import { assertPortFree, freePort } from './ports';
import { killEngine, killStale, spawnEngine, stopEngine, waitReady } from './process';
import type { EngineHandle, Log } from './types';

const READY_TIMEOUT_MS = 30_000;

async function ping(url: string): Promise<void> {
  const client = new mongoose.mongo.MongoClient(url, {
    serverSelectionTimeoutMS: 1000,
    connectTimeoutMS: 1000,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}

/** Where a FerretDB data dir keeps things; `marker` identifies its process (stale-pid check). */
export function ferretDbFiles(dataDir: string) {
  const dbDir = join(dataDir, 'db');
  return {
    dbDir,
    pidFile: join(dataDir, 'ferretdb.pid'),
    logFile: join(dataDir, 'ferretdb.log'),
    marker: dbDir,
  };
}

/**
 * Starts FerretDB (MongoDB wire protocol, SQLite files in `<dataDir>/db`) and waits for a `ping`.
 * `url` is `mongodb://127.0.0.1:<port>` without a database: append `/pasar_catalog` or pass `dbName`.
 */
export async function startFerretDb(opts: {
  dataDir: string;
  port?: number;
  log?: Log;
  /** Use FerretDB's PostgreSQL handler on this database instead of SQLite (see startPostgres). */
  postgresqlUrl?: string;
}): Promise<EngineHandle & { url: string }> {
  const log = opts.log ?? (() => {});
  const bin = paths.ferretDbBinary();
  if (!existsSync(bin)) {
    throw new Error(
      `pasar-ferretdb is missing at ${bin}: run provisionEngines() or \`pnpm stack provision\` first`,
    );
  }
  const dataDir = resolve(opts.dataDir);
  const { dbDir, pidFile, logFile } = ferretDbFiles(dataDir);
  mkdirSync(dbDir, { recursive: true });
  await killStale(pidFile, dbDir, log);
  const port = opts.port ?? (await freePort());
  await assertPortFree(port, 'FerretDB');
  const url = `mongodb://127.0.0.1:${port}`;
  const backend = opts.postgresqlUrl ? 'PostgreSQL' : `SQLite in ${dbDir}`;
  log(`FerretDB: starting on ${url} (${backend}, log ${logFile})`);
  const engine = spawnEngine({
    name: 'FerretDB',
    command: bin,
    args: [
      '-listen',
      `127.0.0.1:${port}`,
      '-data',
      dbDir,
      ...(opts.postgresqlUrl ? ['-postgresql-url', opts.postgresqlUrl] : []),
      // Profiling only (decision 0011): `go tool pprof http://<addr>/debug/pprof/profile?seconds=20`.
      ...(process.env.PASAR_FERRETDB_PPROF ? ['-pprof', process.env.PASAR_FERRETDB_PPROF] : []),
    ],
    logFile,
    pidFile,
    marker: dbDir,
    env: { ...process.env, DO_NOT_TRACK: '1', FERRETDB_TELEMETRY: 'disable' },
  });
  await waitReady(engine, `ping on ${url}`, () => ping(url), READY_TIMEOUT_MS);
  log(`FerretDB: ready on ${url}`);
  return {
    url,
    pid: () => (engine.running() ? engine.pid : undefined),
    stop: () => stopEngine(engine),
    kill: () => killEngine(engine),
  };
}
