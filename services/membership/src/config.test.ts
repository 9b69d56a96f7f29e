import { loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { DEV_NIK_HASH_SALT, MembershipConfigSchema } from './config';
import { generateSigningKeyPem } from './tokens/keys';

const base = { MONGO_URL: 'mongodb://x/membership', KAFKA_BROKERS: 'k:9092' };
const key = generateSigningKeyPem();
const production = {
  ...base,
  NODE_ENV: 'production',
  NIK_HASH_SALT: 'a-long-secret-salt-from-the-vault',
  TOKEN_SIGNING_KEY: key,
  TOKEN_KEY_ID: 'k2026-01',
};

describe('membership config', () => {
  it('uses port 4004, the dev NIK salt and the session/token defaults outside production', () => {
    expect(loadConfig(MembershipConfigSchema, base)).toMatchObject({
      PORT: 4004,
      NIK_HASH_SALT: DEV_NIK_HASH_SALT,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      ACCESS_TOKEN_TTL_SECONDS: 300,
      TRUSTED_PROXIES: '127.0.0.1,::1',
      THROTTLE_MAX_FAILURES: 5,
    });
  });

  it('requires NIK_HASH_SALT, TOKEN_SIGNING_KEY and TOKEN_KEY_ID in production, naming each', () => {
    for (const name of ['NIK_HASH_SALT', 'TOKEN_SIGNING_KEY', 'TOKEN_KEY_ID'] as const) {
      const env: Record<string, string | undefined> = { ...production, [name]: undefined };
      expect(() => loadConfig(MembershipConfigSchema, env)).toThrow(new RegExp(`${name}: is required`));
    }
    expect(loadConfig(MembershipConfigSchema, production).NIK_HASH_SALT).toBe(production.NIK_HASH_SALT);
  });

  it('refuses a signing key that is not Ed25519, a bad key id and tokens longer than 300 s', () => {
    expect(() => loadConfig(MembershipConfigSchema, { ...base, TOKEN_SIGNING_KEY: 'not a key' })).toThrow(
      /TOKEN_SIGNING_KEY: must be an Ed25519/,
    );
    expect(() => loadConfig(MembershipConfigSchema, { ...base, TOKEN_KEY_ID: 'a b' })).toThrow(
      /TOKEN_KEY_ID/,
    );
    expect(() => loadConfig(MembershipConfigSchema, { ...base, ACCESS_TOKEN_TTL_SECONDS: '301' })).toThrow(
      /ACCESS_TOKEN_TTL_SECONDS/,
    );
  });

  it('reads previous public keys as JSON and refuses anything else', () => {
    const jwk = { kty: 'OKP', crv: 'Ed25519', x: 'abc', kid: 'old' };
    expect(
      loadConfig(MembershipConfigSchema, { ...base, TOKEN_PREVIOUS_PUBLIC_KEYS: JSON.stringify([jwk]) })
        .TOKEN_PREVIOUS_PUBLIC_KEYS,
    ).toEqual([jwk]);
    expect(() => loadConfig(MembershipConfigSchema, { ...base, TOKEN_PREVIOUS_PUBLIC_KEYS: '{' })).toThrow(
      /TOKEN_PREVIOUS_PUBLIC_KEYS/,
    );
  });
});
