import { BaseConfigSchema } from '@pasar/service-kit';
import { z } from 'zod';

/** membership on its default port, outside production only. */
export const DEV_MEMBERSHIP_JWKS_URL = 'http://127.0.0.1:4004/.well-known/jwks.json';

export const LedgerConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
  /** membership's public keys: access tokens are verified against them (audience pasar-ledger). */
  /** How long after its close a month is taken as settled and its totals kept (ms). */
  LEDGER_PERIOD_SETTLE_MS: z.coerce.number().int().min(0).default(60_000),
  MEMBERSHIP_JWKS_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  ),
})
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production' && !c.MEMBERSHIP_JWKS_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['MEMBERSHIP_JWKS_URL'],
        message: 'is required when NODE_ENV=production',
      });
  })
  .transform((c) => ({ ...c, MEMBERSHIP_JWKS_URL: c.MEMBERSHIP_JWKS_URL ?? DEV_MEMBERSHIP_JWKS_URL }));

export type LedgerConfig = z.infer<typeof LedgerConfigSchema>;
