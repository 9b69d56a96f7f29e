import { join } from 'node:path';
import { repoRoot, spawnTs } from '@pasar/testkit';
import { describe, expect, it } from 'vitest';

// A service started without a required variable must stop at once, non-zero, naming the variable —
// never start half-configured. Membership needs no ADMIN_TOKEN any more; in production it needs its
// token signing key and key id.
const services = ['catalog', 'orders', 'payments', 'membership'];
const requiredExtra: Record<string, { env: Record<string, string>; names: string[] }> = {
  membership: {
    env: { NODE_ENV: 'production' },
    names: ['TOKEN_SIGNING_KEY', 'TOKEN_KEY_ID', 'NIK_HASH_SALT'],
  },
};
const adminTokenCase = { env: {}, names: ['ADMIN_TOKEN'] };

describe.each(services)('%s configuration', (name) => {
  const main = join(repoRoot(), 'services', name, 'src', 'main.ts');

  it('exits non-zero naming MONGO_URL when it is missing', async () => {
    const proc = spawnTs(main, {
      MONGO_URL: undefined,
      KAFKA_BROKERS: '127.0.0.1:9',
      ADMIN_TOKEN: 'a-long-enough-admin-token',
      PORT: '0',
    });
    expect(await proc.exited).not.toBe(0);
    expect(proc.output()).toContain('MONGO_URL is required but not set');
  });

  it('names every missing or invalid variable at once', async () => {
    const extra = requiredExtra[name] ?? adminTokenCase;
    const proc = spawnTs(main, {
      MONGO_URL: 'not-a-url',
      KAFKA_BROKERS: undefined,
      ADMIN_TOKEN: undefined,
      TOKEN_SIGNING_KEY: undefined,
      TOKEN_KEY_ID: undefined,
      NIK_HASH_SALT: undefined,
      PORT: '0',
      ...extra.env,
    });
    expect(await proc.exited).not.toBe(0);
    const out = proc.output();
    expect(out).toContain('MONGO_URL');
    expect(out).toContain('KAFKA_BROKERS is required but not set');
    for (const variable of extra.names)
      expect(out).toMatch(new RegExp(`${variable}( is required but not set|: is required)`));
  });
});
