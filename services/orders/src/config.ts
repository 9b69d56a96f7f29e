import { PaymentMethodSchema } from '@pasar/contracts';
import { BaseConfigSchema, DEV_NIK_HASH_SALT } from '@pasar/service-kit';
import { z } from 'zod';

const emptyAsUnset = (v: unknown) => (v === '' ? undefined : v);
/** membership on its default port, outside production only. */
export const DEV_MEMBERSHIP_JWKS_URL = 'http://127.0.0.1:4004/.well-known/jwks.json';

export const OrdersConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  /** membership's public keys: access tokens are verified against them (audience pasar-orders). */
  MEMBERSHIP_JWKS_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
  /** Payment methods shoppers may choose, comma-separated. `cash,qris` lets an order wait for payment. */
  PAYMENT_METHODS: z
    .string()
    .default('cash')
    .transform((s) =>
      s
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    )
    .pipe(z.array(PaymentMethodSchema).min(1, 'name at least one payment method')),
  /** Overrides every cooperative's orderExpiryMinutes (tests). */
  ORDER_EXPIRY_SECONDS: z.preprocess(emptyAsUnset, z.coerce.number().int().positive().optional()),
  ORDER_SWEEP_INTERVAL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).default(5000)),
  /** How often an open order stream (SSE) looks for changes. */
  ORDER_STREAM_POLL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(50).default(400)),
  /** Shopper notification mails go through this SMTP server (`smtp://host:port`); unset: none are sent. */
  SMTP_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^smtps?$/, error: 'must be an smtp(s):// URL' }).optional(),
  ),
  MAIL_FROM: z.preprocess(emptyAsUnset, z.string().min(3).default('Pasar <pesanan@pasar.local>')),
  /** Events older than this are not mailed about (a new notifier group reads the topics from the start). */
  NOTIFY_MAX_AGE_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().positive().default(24)),
  /** Key of the NIK hash for buyer limits: the same secret (and dev default) as membership's. */
  NIK_HASH_SALT: z.preprocess(emptyAsUnset, z.string().min(16, 'must be at least 16 characters').optional()),
})
  .superRefine((c, ctx) => {
    for (const name of ['MEMBERSHIP_JWKS_URL', 'NIK_HASH_SALT'] as const)
      if (c.NODE_ENV === 'production' && !c[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' });
  })
  .transform((c) => ({
    ...c,
    MEMBERSHIP_JWKS_URL: c.MEMBERSHIP_JWKS_URL ?? DEV_MEMBERSHIP_JWKS_URL,
    NIK_HASH_SALT: c.NIK_HASH_SALT ?? DEV_NIK_HASH_SALT,
  }));
export type OrdersConfig = z.infer<typeof OrdersConfigSchema>;
