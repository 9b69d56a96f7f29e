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

  it('requires every provider secret and URL in production and points at the real providers', () => {
    try {
      loadConfig(PaymentsConfigSchema, { ...base, NODE_ENV: 'production' });
      expect.unreachable();
    } catch (err) {
      for (const key of [
        'STRIPE_SECRET_KEY',
        'STRIPE_WEBHOOK_SECRET',
        'MIDTRANS_SERVER_KEY',
        'MIDTRANS_CLIENT_KEY',
        'MEMBERSHIP_JWKS_URL',
        'STOREFRONT_URL',
        'PAYMENTS_PUBLIC_URL',
      ])
        expect((err as Error).message).toContain(`${key}: is required when NODE_ENV=production`);
    }
    const production = {
      ...base,
      NODE_ENV: 'production',
      STRIPE_SECRET_KEY: 'sk_live_abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_live',
      MIDTRANS_SERVER_KEY: 'Mid-server-live-key',
      MIDTRANS_CLIENT_KEY: 'Mid-client-live-key',
      STOREFRONT_URL: 'https://karbes.pasar.id',
      PAYMENTS_PUBLIC_URL: 'https://payments.pasar.id/',
      MEMBERSHIP_JWKS_URL: 'https://membership.pasar.id/.well-known/jwks.json',
    };
    const cfg = loadConfig(PaymentsConfigSchema, production);
    expect(cfg.STRIPE_API_BASE).toBe('https://api.stripe.com');
    expect(cfg.MIDTRANS_API_BASE).toBe('https://api.midtrans.com');
    expect(cfg.MIDTRANS_SNAP_BASE).toBe('https://app.midtrans.com');
    expect(cfg.PAYMENTS_PUBLIC_URL).toBe('https://payments.pasar.id');
    expect(() =>
      loadConfig(PaymentsConfigSchema, { ...production, PAYMENTS_CRASH_AT: 'after-provider-confirmed' }),
    ).toThrow(/PAYMENTS_CRASH_AT: is for chaos tests only/);
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
