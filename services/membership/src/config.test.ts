import { loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { DEV_NIK_HASH_SALT, MembershipConfigSchema } from './config';

const base = { MONGO_URL: 'mongodb://x/membership', KAFKA_BROKERS: 'k:9092', ADMIN_TOKEN: 'a'.repeat(16) };

describe('membership config', () => {
  it('uses port 4004 and the dev NIK salt outside production', () => {
    expect(loadConfig(MembershipConfigSchema, base)).toMatchObject({
      PORT: 4004,
      NIK_HASH_SALT: DEV_NIK_HASH_SALT,
    });
  });

  it('requires its own NIK_HASH_SALT in production', () => {
    expect(() => loadConfig(MembershipConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /NIK_HASH_SALT/,
    );
    const salt = 'a-long-secret-salt-from-the-vault';
    expect(
      loadConfig(MembershipConfigSchema, { ...base, NODE_ENV: 'production', NIK_HASH_SALT: salt })
        .NIK_HASH_SALT,
    ).toBe(salt);
  });

  it('refuses a short ADMIN_TOKEN', () => {
    expect(() => loadConfig(MembershipConfigSchema, { ...base, ADMIN_TOKEN: 'short' })).toThrow(
      /ADMIN_TOKEN/,
    );
  });
});
