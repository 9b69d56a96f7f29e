import { join } from 'node:path';
import { repoRoot, spawnTs } from '@pasar/testkit';
import { describe, expect, it } from 'vitest';

// A service started without a required variable must stop at once, non-zero, naming the variable —
// never start half-configured.
const services = ['catalog', 'orders', 'payments', 'membership'];

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
    const proc = spawnTs(main, {
      MONGO_URL: 'not-a-url',
      KAFKA_BROKERS: undefined,
      ADMIN_TOKEN: undefined,
      PORT: '0',
    });
    expect(await proc.exited).not.toBe(0);
    const out = proc.output();
    expect(out).toContain('MONGO_URL');
    expect(out).toContain('KAFKA_BROKERS is required but not set');
    expect(out).toContain('ADMIN_TOKEN is required but not set');
  });
});
