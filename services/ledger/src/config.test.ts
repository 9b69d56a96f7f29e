import { ConfigError, loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { DEV_MEMBERSHIP_JWKS_URL, LedgerConfigSchema } from './config';

const base = { MONGO_URL: 'mongodb://x/ledger', KAFKA_BROKERS: 'k:9092' };

describe('ledger config', () => {
  it('listens on 4005 and finds membership on its dev port outside production', () => {
    expect(loadConfig(LedgerConfigSchema, base)).toMatchObject({
      PORT: 4005,
      MEMBERSHIP_JWKS_URL: DEV_MEMBERSHIP_JWKS_URL,
    });
  });

  it('requires the JWKS URL in production', () => {
    expect(() => loadConfig(LedgerConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig(LedgerConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /MEMBERSHIP_JWKS_URL/,
    );
  });
});
