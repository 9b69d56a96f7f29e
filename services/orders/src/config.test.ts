import { ConfigError, DEV_NIK_HASH_SALT, loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { DEV_MEMBERSHIP_JWKS_URL, OrdersConfigSchema } from './config';

const base = { MONGO_URL: 'mongodb://x/orders', KAFKA_BROKERS: 'k:9092' };

describe('orders config', () => {
  it("verifies tokens against membership's JWKS: the local one by default outside production", () => {
    expect(loadConfig(OrdersConfigSchema, base).MEMBERSHIP_JWKS_URL).toBe(DEV_MEMBERSHIP_JWKS_URL);
    const set = loadConfig(OrdersConfigSchema, {
      ...base,
      MEMBERSHIP_JWKS_URL: 'https://membership.pasar.id/.well-known/jwks.json',
    });
    expect(set.MEMBERSHIP_JWKS_URL).toBe('https://membership.pasar.id/.well-known/jwks.json');
  });

  it('requires MEMBERSHIP_JWKS_URL in production and refuses a non-http one', () => {
    expect(() => loadConfig(OrdersConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /MEMBERSHIP_JWKS_URL: is required when NODE_ENV=production/,
    );
    try {
      loadConfig(OrdersConfigSchema, { ...base, MEMBERSHIP_JWKS_URL: 'file:///etc/jwks.json' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/MEMBERSHIP_JWKS_URL: must be an http\(s\) URL/);
    }
  });

  it("keys NIK hashes with membership's salt: the shared dev default, and required in production", () => {
    expect(loadConfig(OrdersConfigSchema, base).NIK_HASH_SALT).toBe(DEV_NIK_HASH_SALT);
    const salt = 'a-long-secret-salt-from-the-vault';
    expect(loadConfig(OrdersConfigSchema, { ...base, NIK_HASH_SALT: salt }).NIK_HASH_SALT).toBe(salt);
    expect(() =>
      loadConfig(OrdersConfigSchema, {
        ...base,
        NODE_ENV: 'production',
        MEMBERSHIP_JWKS_URL: 'https://membership.pasar.id/.well-known/jwks.json',
      }),
    ).toThrow(/NIK_HASH_SALT: is required when NODE_ENV=production/);
  });

  it('no longer knows ADMIN_TOKEN', () => {
    expect(loadConfig(OrdersConfigSchema, { ...base, ADMIN_TOKEN: 'x'.repeat(20) })).not.toHaveProperty(
      'ADMIN_TOKEN',
    );
  });
});
