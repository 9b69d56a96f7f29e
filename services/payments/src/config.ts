import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';

/** Stripe's documented test key, which stripe-mock accepts. Never a default in production. */
const DEV_STRIPE_SECRET_KEY = 'sk_test_123';
const DEV_STRIPE_API_BASE = 'http://127.0.0.1:12111';
/** Signs the dev "simulate payment" webhooks; production uses the endpoint's real signing secret. */
export const DEV_STRIPE_WEBHOOK_SECRET = 'whsec_pasar_dev_only_not_a_secret';
/** Our offline Midtrans sandbox (infra/midtrans-sandbox) on its dev port, and its dev keys. */
export const DEV_MIDTRANS_BASE_URL = 'http://127.0.0.1:12113';
export const DEV_MIDTRANS_SERVER_KEY = 'SB-Mid-server-pasar-dev';
export const DEV_MIDTRANS_CLIENT_KEY = 'SB-Mid-client-pasar-dev';
/** membership on its default port, outside production only. */
export const DEV_MEMBERSHIP_JWKS_URL = 'http://127.0.0.1:4004/.well-known/jwks.json';
const DEV_STOREFRONT_URL = 'http://127.0.0.1:3000';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);
const httpUrl = z.preprocess(
  emptyAsUnset,
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
);

export const PaymentsConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  /** membership's public keys: access tokens are verified against them (audience pasar-payments). */
  MEMBERSHIP_JWKS_URL: httpUrl,
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… / sk_live_…)')
    .optional(),
  /** Where the Stripe API lives: stripe-mock in dev and tests, https://api.stripe.com in production. */
  STRIPE_API_BASE: httpUrl,
  /** The webhook endpoint's signing secret (whsec_…). */
  STRIPE_WEBHOOK_SECRET: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
  ),
  MIDTRANS_SERVER_KEY: z.preprocess(emptyAsUnset, z.string().min(8).optional()),
  MIDTRANS_CLIENT_KEY: z.preprocess(emptyAsUnset, z.string().min(8).optional()),
  /** One base for both Snap and the Core API: our offline sandbox. */
  MIDTRANS_BASE_URL: httpUrl,
  /** Production: https://api.midtrans.com and https://app.midtrans.com (the defaults there). */
  MIDTRANS_API_BASE: httpUrl,
  MIDTRANS_SNAP_BASE: httpUrl,
  /** Where shoppers come back to after paying: the storefront (`/pesanan/<orderId>`). */
  STOREFRONT_URL: httpUrl,
  /** How providers reach this service (webhooks); default http://127.0.0.1:<PORT> outside production. */
  PAYMENTS_PUBLIC_URL: httpUrl,
  /**
   * The sweeper is the safety net behind webhooks and retries; each pass asks for three statuses,
   * which on the dev engine reads every payment (0.25 s each at 20,000 payments: docs/decisions/0020).
   */
  PAYMENTS_SWEEP_INTERVAL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).default(30_000)),
  /** Chaos tests only: kill the process at a named step. Refused in production. */
  PAYMENTS_CRASH_AT: z.preprocess(emptyAsUnset, z.enum(['after-provider-confirmed']).optional()),
})
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    for (const key of [
      'STRIPE_SECRET_KEY',
      'STRIPE_WEBHOOK_SECRET',
      'MIDTRANS_SERVER_KEY',
      'MIDTRANS_CLIENT_KEY',
      'MEMBERSHIP_JWKS_URL',
      'STOREFRONT_URL',
      'PAYMENTS_PUBLIC_URL',
    ] as const) {
      if (!c[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
    if (c.PAYMENTS_CRASH_AT)
      ctx.addIssue({
        code: 'custom',
        path: ['PAYMENTS_CRASH_AT'],
        message: 'is for chaos tests only, never in production',
      });
  })
  .transform((c) => {
    const production = c.NODE_ENV === 'production';
    const midtransSandbox = c.MIDTRANS_BASE_URL ?? (production ? undefined : DEV_MIDTRANS_BASE_URL);
    return {
      ...c,
      STRIPE_SECRET_KEY: c.STRIPE_SECRET_KEY ?? DEV_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: c.STRIPE_WEBHOOK_SECRET ?? DEV_STRIPE_WEBHOOK_SECRET,
      MEMBERSHIP_JWKS_URL: c.MEMBERSHIP_JWKS_URL ?? DEV_MEMBERSHIP_JWKS_URL,
      STRIPE_API_BASE: c.STRIPE_API_BASE ?? (production ? 'https://api.stripe.com' : DEV_STRIPE_API_BASE),
      MIDTRANS_SERVER_KEY: c.MIDTRANS_SERVER_KEY ?? DEV_MIDTRANS_SERVER_KEY,
      MIDTRANS_CLIENT_KEY: c.MIDTRANS_CLIENT_KEY ?? DEV_MIDTRANS_CLIENT_KEY,
      MIDTRANS_API_BASE: c.MIDTRANS_API_BASE ?? midtransSandbox ?? 'https://api.midtrans.com',
      MIDTRANS_SNAP_BASE: c.MIDTRANS_SNAP_BASE ?? midtransSandbox ?? 'https://app.midtrans.com',
      STOREFRONT_URL: (c.STOREFRONT_URL ?? DEV_STOREFRONT_URL).replace(/\/$/, ''),
      PAYMENTS_PUBLIC_URL: (c.PAYMENTS_PUBLIC_URL ?? `http://127.0.0.1:${c.PORT}`).replace(/\/$/, ''),
    };
  });

export type PaymentsConfig = z.infer<typeof PaymentsConfigSchema>;
