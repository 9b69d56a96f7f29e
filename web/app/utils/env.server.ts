import { z } from 'zod';

const DEV_SESSION_SECRET = 'pasar-dev-session-secret-not-for-production';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    CATALOG_URL: z.url().default('http://127.0.0.1:4001'),
    ORDERS_URL: z.url().default('http://127.0.0.1:4002'),
    MEMBERSHIP_URL: z.url().default('http://127.0.0.1:4004'),
    SESSION_SECRET: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(16, 'must be at least 16 characters').optional(),
    ),
    /** Secure cookies need HTTPS; defaults to on in production. Set "false" to test a production build over plain HTTP. */
    COOKIE_SECURE: z.enum(['true', 'false']).optional(),
    /** Per-request timeout for calls to the services. */
    SERVICE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4_000),
    /**
     * The address shoppers use (https://pasar.example). When set, links (the order's secret link) are built
     * from it and it is the origin every form post must come from (CSRF).
     */
    PUBLIC_BASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
    /** More origins form posts may come from (comma separated), e.g. a second host name of the same site. */
    EXTRA_ORIGINS: z
      .string()
      .default('')
      .refine(
        (list) => list.split(',').every((o) => o.trim() === '' || URL.canParse(o.trim())),
        'must be a comma-separated list of URLs',
      ),
    /**
     * "1" when the app is reachable ONLY through a TLS-terminating proxy: X-Forwarded-Proto/Host are then
     * believed. remix-serve does not give the app the socket's peer address, so the proxy cannot be
     * recognised per request; leave this off whenever clients can reach the app directly.
     */
    TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is required in production' });
    }
  })
  .transform((env) => ({
    ...env,
    CATALOG_URL: env.CATALOG_URL.replace(/\/+$/, ''),
    ORDERS_URL: env.ORDERS_URL.replace(/\/+$/, ''),
    MEMBERSHIP_URL: env.MEMBERSHIP_URL.replace(/\/+$/, ''),
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    COOKIE_SECURE: env.COOKIE_SECURE
      ? env.COOKIE_SECURE === 'true'
      : env.NODE_ENV === 'production' || env.PUBLIC_BASE_URL?.startsWith('https:') === true,
    PUBLIC_ORIGIN: env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).origin : undefined,
    EXTRA_ORIGINS: env.EXTRA_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin),
    TRUST_PROXY: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
  }));

export type Env = z.infer<typeof EnvSchema>;

/** Parses an environment (process.env by default); throws naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment for @pasar/web: ${problems}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The web app's configuration, read once from process.env on first use. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}

/** Tests only: forget the cached configuration so a changed process.env is read again. */
export function resetEnvForTests(): void {
  cached = undefined;
}
