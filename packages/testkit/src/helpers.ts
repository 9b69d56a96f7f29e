import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { inject } from 'vitest';
import type { InfraEndpoints } from './infra';
import type {} from './provided';

export function testInfra(): InfraEndpoints {
  return inject('pasarInfra');
}

/** A name no other test uses: for databases, topic prefixes and consumer groups. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

/** Polls until `check` returns a truthy value (or stops throwing). Waits on state, never on time alone. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20_000);
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(opts.intervalMs ?? 25);
  }
  throw new Error(
    `Timed out after ${opts.timeoutMs ?? 20_000} ms waiting for ${opts.what ?? 'condition'}${lastError ? `: ${String(lastError)}` : ''}`,
  );
}

/** A mongo URL for a fresh database on the test server. */
export function mongoUrlFor(dbName: string, base = testInfra().mongoUrl): string {
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  return url.toString();
}

/** A connection to a fresh database; `drop()` removes it. */
export async function testDatabase(prefix = 'test') {
  const name = uniqueName(prefix);
  const conn = await mongoose.createConnection(mongoUrlFor(name), { retryWrites: false }).asPromise();
  return {
    name,
    conn,
    url: mongoUrlFor(name),
    async drop() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}
