import { ConfigError, loadConfig } from '@pasar/service-kit';
import { describe, expect, it } from 'vitest';
import { PaymentsConfigSchema } from './config';

const base = { MONGO_URL: 'mongodb://x/payments', KAFKA_BROKERS: 'k:9092', ADMIN_TOKEN: 'a'.repeat(16) };

describe('payments config', () => {
  it('defaults to the Stripe test key and stripe-mock outside production', () => {
    const cfg = loadConfig(PaymentsConfigSchema, base);
    expect(cfg).toMatchObject({
      PORT: 4003,
      STRIPE_SECRET_KEY: 'sk_test_123',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
    });
  });

  it('requires STRIPE_SECRET_KEY in production and points at api.stripe.com', () => {
    expect(() => loadConfig(PaymentsConfigSchema, { ...base, NODE_ENV: 'production' })).toThrow(
      /STRIPE_SECRET_KEY/,
    );
    const cfg = loadConfig(PaymentsConfigSchema, {
      ...base,
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: 'sk_live_abc',
    });
    expect(cfg.STRIPE_API_BASE).toBe('https://api.stripe.com');
  });

  it('names a missing ADMIN_TOKEN and a bad STRIPE_API_BASE', () => {
    const { ADMIN_TOKEN: _t, ...noToken } = base;
    try {
      loadConfig(PaymentsConfigSchema, { ...noToken, STRIPE_API_BASE: 'ftp://stripe' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/ADMIN_TOKEN is required/);
      expect((err as Error).message).toMatch(/STRIPE_API_BASE/);
    }
  });
});
