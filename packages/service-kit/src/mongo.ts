import mongoose from 'mongoose';

/**
 * One connection per service. retryWrites is off because FerretDB (the dev engine) does not
 * support retryable writes; every write of ours is idempotent or guarded instead.
 */
export async function connectMongo(
  url: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<mongoose.Connection> {
  const conn = mongoose.createConnection(url, {
    ...opts, // monitorCommands: the driver emits commandStarted/… (metrics.ts counts them)
    serverSelectionTimeoutMS: 10_000,
    retryWrites: false,
    autoIndex: true,
    maxPoolSize: 20,
  });
  return conn.asPromise();
}

export async function pingMongo(conn: mongoose.Connection): Promise<boolean> {
  try {
    await conn.db?.admin().ping();
    return true;
  } catch {
    return false;
  }
}
