import { join } from 'node:path';
import { repoRoot, spawnTs } from '@pasar/testkit';
import { describe, expect, it } from 'vitest';

// A service started without a required variable must stop at once, non-zero, naming the variable —
// never start half-configured. No service takes an ADMIN_TOKEN any more: membership needs its token
// signing key and key id in production, and the others the address of membership's public keys.
const services = ['catalog', 'orders', 'payments', 'membership', 'ledger'];
const requiredExtra: Record<string, { env: Record<string, string>; names: string[] }> = {
  membership: {
    env: { NODE_ENV: 'production' },
    names: ['TOKEN_SIGNING_KEY', 'TOKEN_KEY_ID', 'NIK_HASH_SALT'],
  },
};
const defaultCase = { env: {}, names: [] as string[] };
requiredExtra.catalog = { env: {}, names: ['MEMBERSHIP_JWKS_URL'] };

describe.each(services)('%s configuration', (name) => {
  const main = join(repoRoot(), 'services', name, 'src', 'main.ts');

  it('exits non-zero naming MONGO_URL when it is missing', async () => {
    const proc = spawnTs(main, {
      MONGO_URL: undefined,
      KAFKA_BROKERS: '127.0.0.1:9',
      PORT: '0',
    });
    expect(await proc.exited).not.toBe(0);
    expect(proc.output()).toContain('MONGO_URL is required but not set');
  });

  it('names every missing or invalid variable at once', async () => {
    const extra = requiredExtra[name] ?? defaultCase;
    const proc = spawnTs(main, {
      MONGO_URL: 'not-a-url',
      KAFKA_BROKERS: undefined,
      MEMBERSHIP_JWKS_URL: undefined,
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

describe.each(['orders', 'payments', 'ledger'])('%s in production', (name) => {
  it('exits naming MEMBERSHIP_JWKS_URL: no development default for the token keys', async () => {
    const proc = spawnTs(join(repoRoot(), 'services', name, 'src', 'main.ts'), {
      NODE_ENV: 'production',
      MONGO_URL: 'mongodb://127.0.0.1:9/x',
      KAFKA_BROKERS: '127.0.0.1:9',
      STRIPE_SECRET_KEY: 'sk_test_123',
      MEMBERSHIP_JWKS_URL: undefined,
      PORT: '0',
    });
    expect(await proc.exited).not.toBe(0);
    expect(proc.output()).toContain('MEMBERSHIP_JWKS_URL');
  });
});
