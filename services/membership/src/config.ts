import { ACCESS_TOKEN_TTL_SECONDS } from '@pasar/contracts';
import { BaseConfigSchema, DEV_NIK_HASH_SALT } from '@pasar/service-kit';
import { z } from 'zod';
import { parsePrivateKey } from './tokens/keys';

/** Dev-only salt (shared with orders): production refuses to start without its own NIK_HASH_SALT. */
export { DEV_NIK_HASH_SALT };

const PublicJwkList = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of public JWKs' });
      return z.NEVER;
    }
  })
  .pipe(
    z.array(
      z.looseObject({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string().min(1),
        kid: z.string().min(1),
      }),
    ),
  );

export const MembershipConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4004),
  NIK_HASH_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Ed25519 private key: PKCS#8 PEM or a private JWK. Outside production a missing one is generated per start. */
  TOKEN_SIGNING_KEY: z
    .string()
    .min(1)
    .refine((s) => {
      try {
        parsePrivateKey(s);
        return true;
      } catch {
        return false;
      }
    }, 'must be an Ed25519 private key (PKCS#8 PEM or private JWK)')
    .optional(),
  TOKEN_KEY_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'must be 1–64 letters, digits, . _ -')
    .optional(),
  /** Public JWKs of keys retired in a rotation, still served and accepted until their tokens expired. */
  TOKEN_PREVIOUS_PUBLIC_KEYS: PublicJwkList.optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(30)
    .max(ACCESS_TOKEN_TTL_SECONDS)
    .default(ACCESS_TOKEN_TTL_SECONDS),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Socket peers whose X-Forwarded-For is believed (comma-separated addresses). */
  TRUSTED_PROXIES: z.string().default('127.0.0.1,::1'),
  THROTTLE_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  THROTTLE_BLOCK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
})
  .superRefine(
    (c, ctx) => {
      if (c.NODE_ENV !== 'production') return;
      for (const name of ['NIK_HASH_SALT', 'TOKEN_SIGNING_KEY', 'TOKEN_KEY_ID'] as const) {
        if (!c[name])
          ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' });
      }
    },
    // Run even when other variables failed, so one start names every problem at once.
    { when: () => true },
  )
  .transform((c) => ({ ...c, NIK_HASH_SALT: c.NIK_HASH_SALT ?? DEV_NIK_HASH_SALT }));

export type MembershipConfig = z.infer<typeof MembershipConfigSchema>;
