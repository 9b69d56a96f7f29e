import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * A TRUSTED_PROXIES entry: an IPv4/IPv6 address, address/prefix (CIDR), or one of Express's names
 * `loopback`, `linklocal`, `uniquelocal`.
 */
export function isProxyEntry(entry: string): boolean {
  if (entry === 'loopback' || entry === 'linklocal' || entry === 'uniquelocal') return true;
  const [address, prefix, extra] = entry.split('/');
  if (extra !== undefined || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

const splitList = (list: string) =>
  list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);

const DEV_SESSION_SECRET = 'pasar-dev-session-secret-not-for-production';

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    CATALOG_URL: z.url().default('http://127.0.0.1:4001'),
    ORDERS_URL: z.url().default('http://127.0.0.1:4002'),
    PAYMENTS_URL: z.url().default('http://127.0.0.1:4003'),
    MEMBERSHIP_URL: z.url().default('http://127.0.0.1:4004'),
    LEDGER_URL: z.url().default('http://127.0.0.1:4005'),
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
     * The proxies whose X-Forwarded-Proto / -Host / -For the production server (server.ts) believes,
     * recognised by the socket's peer address: comma-separated addresses, CIDRs or `loopback`, `linklocal`,
     * `uniquelocal`; `none` trusts nobody. Default `loopback` (a proxy on the same machine).
     */
    TRUSTED_PROXIES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .default('loopback')
        .refine(
          (list) =>
            list.trim() === 'none' || (splitList(list).length > 0 && splitList(list).every(isProxyEntry)),
          'must be `none` or a comma-separated list of addresses, CIDRs, loopback, linklocal, uniquelocal',
        ),
    ),
    /** Where server.ts listens. */
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
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
    PAYMENTS_URL: env.PAYMENTS_URL.replace(/\/+$/, ''),
    MEMBERSHIP_URL: env.MEMBERSHIP_URL.replace(/\/+$/, ''),
    LEDGER_URL: env.LEDGER_URL.replace(/\/+$/, ''),
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    COOKIE_SECURE: env.COOKIE_SECURE
      ? env.COOKIE_SECURE === 'true'
      : env.NODE_ENV === 'production' || env.PUBLIC_BASE_URL?.startsWith('https:') === true,
    PUBLIC_ORIGIN: env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).origin : undefined,
    EXTRA_ORIGINS: env.EXTRA_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean)
      .map((o) => new URL(o).origin),
    TRUSTED_PROXIES: env.TRUSTED_PROXIES.trim() === 'none' ? [] : splitList(env.TRUSTED_PROXIES),
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
