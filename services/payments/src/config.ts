import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';

/** Stripe's documented test key, which stripe-mock accepts. Never a default in production. */
const DEV_STRIPE_SECRET_KEY = 'sk_test_123';
const DEV_STRIPE_API_BASE = 'http://127.0.0.1:12111';
/** membership on its default port, outside production only. */
export const DEV_MEMBERSHIP_JWKS_URL = 'http://127.0.0.1:4004/.well-known/jwks.json';

export const PaymentsConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  /** membership's public keys: access tokens are verified against them (audience pasar-payments). */
  MEMBERSHIP_JWKS_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… / sk_live_…)')
    .optional(),
  /** Where the Stripe API lives: stripe-mock in dev and tests, https://api.stripe.com in production. */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
})
  .superRefine((c, ctx) => {
    if (c.NODE_ENV !== 'production') return;
    for (const key of ['STRIPE_SECRET_KEY', 'MEMBERSHIP_JWKS_URL'] as const) {
      if (!c[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when NODE_ENV=production' });
    }
  })
  .transform((c) => ({
    ...c,
    STRIPE_SECRET_KEY: c.STRIPE_SECRET_KEY ?? DEV_STRIPE_SECRET_KEY,
    MEMBERSHIP_JWKS_URL: c.MEMBERSHIP_JWKS_URL ?? DEV_MEMBERSHIP_JWKS_URL,
    STRIPE_API_BASE:
      c.STRIPE_API_BASE ?? (c.NODE_ENV === 'production' ? 'https://api.stripe.com' : DEV_STRIPE_API_BASE),
  }));

export type PaymentsConfig = z.infer<typeof PaymentsConfigSchema>;
