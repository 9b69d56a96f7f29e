import { ConfigError, loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { DEV_MEMBERSHIP_JWKS_URL, PaymentsConfigSchema } from './config';

const base = { MONGO_URL: 'mongodb://x/payments', KAFKA_BROKERS: 'k:9092' };

describe('payments config', () => {
  it('defaults to the Stripe test key and stripe-mock outside production', () => {
    const cfg = loadConfig(PaymentsConfigSchema, base);
    expect(cfg).toMatchObject({
      PORT: 4003,
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      MEMBERSHIP_JWKS_URL: DEV_MEMBERSHIP_JWKS_URL,
    });
  });

  it('requires STRIPE_SECRET_KEY and MEMBERSHIP_JWKS_URL in production and points at api.stripe.com', () => {
    expect(() => loadConfig(PaymentsConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /STRIPE_SECRET_KEY[\s\S]*MEMBERSHIP_JWKS_URL: is required when NODE_ENV=production/,
    );
    const cfg = loadConfig(PaymentsConfigSchema, {
      ...base,
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: 'sk_live_abc',
      MEMBERSHIP_JWKS_URL: 'https://membership.pasar.id/.well-known/jwks.json',
    });
    expect(cfg.STRIPE_API_BASE).toBe('https://api.stripe.com');
    expect(cfg.MEMBERSHIP_JWKS_URL).toBe('https://membership.pasar.id/.well-known/jwks.json');
  });

  it('names a bad MEMBERSHIP_JWKS_URL and a bad STRIPE_API_BASE', () => {
    try {
      loadConfig(PaymentsConfigSchema, {
        ...base,
        MEMBERSHIP_JWKS_URL: 'file:///etc/jwks.json',
        STRIPE_API_BASE: 'ftp://stripe',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/MEMBERSHIP_JWKS_URL: must be an http\(s\) URL/);
      expect((err as Error).message).toMatch(/STRIPE_API_BASE/);
    }
  });
});
