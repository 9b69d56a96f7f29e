import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { paths } from './paths';
import { assertPortFree } from './ports';
import { MIDTRANS_CLIENT_KEY } from './midtrans-sandbox';
import { type Engine, runHelper, spawnEngine, stopEngine, waitReady } from './process';
import { type Stack, startStack } from './stack';
import type { Log } from './types';

/** The market's fixed ports: the storefront and the five services. */
export const MARKET_PORTS = {
  web: 3000,
  catalog: 4001,
  orders: 4002,
  payments: 4003,
  membership: 4004,
  ledger: 4005,
} as const;
export type ServiceName = 'catalog' | 'orders' | 'payments' | 'membership' | 'ledger';
const SERVICES: ServiceName[] = ['membership', 'catalog', 'orders', 'payments', 'ledger'];

/** Development defaults (the same as .env.example); a .env file at the root overrides them. */
const DEV_DEFAULTS: Record<string, string> = {
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  NIK_HASH_SALT: 'dev-nik-salt-change-me-0123456789',
  NIK_ENCRYPTION_KEYS: '{"dev1":"cGFzYXItZGV2LW5pay1rZXktZG8tbm90LXVzZS1wcmQ="}',
  NIK_ENCRYPTION_KEY_ID: 'dev1',
  SESSION_SECRET: 'dev-session-secret-change-me',
  STRIPE_SECRET_KEY: 'sk_test_123',
  MIDTRANS_CLIENT_KEY,
};

/**
 * The dev token signing key: an Ed25519 key generated once into <dataDir>/keys (kept across restarts
 * so sessions and cached key sets stay valid; `rm -rf .pasar/data` makes a new one). The key id is
 * derived from the public key, so a new key never hides behind an old kid in a cached JWKS.
 * A TOKEN_SIGNING_KEY in .env wins.
 */
export function devSigningKey(dataDir: string): { TOKEN_SIGNING_KEY: string; TOKEN_KEY_ID: string } {
  const file = join(dataDir, 'keys', 'token-signing-key.pem');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    writeFileSync(file, pem, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const pem = readFileSync(file, 'utf8');
  const der = createPublicKey(createPrivateKey(pem)).export({ format: 'der', type: 'spki' });
  const kid = `dev-${createHash('sha256').update(der).digest('base64url').slice(0, 12)}`;
  return { TOKEN_SIGNING_KEY: pem, TOKEN_KEY_ID: kid };
}

export function readDotEnv(file = join(paths.root(), '.env')): Record<string, string> {
  if (!existsSync(file)) return {};
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) out[m[1]] = (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

export function databaseUrl(base: string, db: string): string {
  const url = new URL(base);
  url.pathname = `/${db}`;
  return url.toString();
}

export interface Market {
  stack: Stack;
  urls: Record<string, string>;
  /** The demo accounts table printed by the membership seed (development only), when seeded. */
  accounts: string[];
  stop(): Promise<void>;
}

/**
 * Starts the whole market: engines (fixed dev ports), the five services, demo data, and the
 * storefront (production build served by its own server, web/server.ts). Logs go to <dataDir>/logs/<name>.log.
 */
export async function startMarket(opts: {
  dataDir: string;
  log: Log;
  seed?: boolean;
  web?: boolean;
}): Promise<Market> {
  const { log } = opts;
  const root = paths.root();
  for (const [name, port] of Object.entries(MARKET_PORTS)) await assertPortFree(port, name);
  const stack = await startStack({ dataDir: opts.dataDir, ports: 'fixed', log });
  const running: Engine[] = [];
  let accounts: string[] = [];
  const stop = async () => {
    await Promise.all(running.reverse().map((e) => stopEngine(e)));
    await stack.stop();
  };
  try {
    const env = {
      ...process.env,
      ...DEV_DEFAULTS,
      ...devSigningKey(opts.dataDir),
      MEMBERSHIP_JWKS_URL: `http://127.0.0.1:${MARKET_PORTS.membership}/.well-known/jwks.json`,
      // catalog keeps product photos on disk beside the rest of the dev data (unless .env names S3).
      PHOTO_DIR: join(opts.dataDir, 'photos'),
      ...readDotEnv(),
      KAFKA_BROKERS: stack.kafkaBrokers,
      STRIPE_API_BASE: stack.stripeApiBase,
      // The sandbox the stack started checks this server key, so the stack's values win over .env.
      MIDTRANS_BASE_URL: stack.midtransBaseUrl,
      MIDTRANS_SERVER_KEY: stack.midtransSandbox.serverKey,
    };
    // Only membership holds the private key; the others verify with MEMBERSHIP_JWKS_URL.
    const envFor = (name: ServiceName) =>
      name === 'membership' ? env : { ...env, TOKEN_SIGNING_KEY: undefined, TOKEN_KEY_ID: undefined };
    const logs = join(opts.dataDir, 'logs');
    // The services run as built JavaScript (tsup bundles, cached by turbo): through the tsx loader
    // they cost about 10 % more CPU per order and more at idle (docs/decisions/0022).
    log('building the services (tsup; turbo skips what is unchanged)…');
    const built = await runHelper(
      'pnpm',
      ['exec', 'turbo', 'run', 'build', '--filter=./services/*', '--output-logs=errors-only'],
      { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } },
    );
    if (built.code !== 0) throw new Error(`services build failed:\n${built.output}`);
    await Promise.all(
      SERVICES.map(async (name) => {
        const port = MARKET_PORTS[name];
        const engine = spawnEngine({
          name,
          command: process.execPath,
          args: [serviceEntry(name)],
          cwd: root,
          env: {
            ...(name === 'orders' ? { PAYMENT_METHODS: 'cash,qris,gopay,shopeepay,bank_transfer,card' } : {}), // .env wins
            ...envFor(name),
            // orders mails shoppers (notifications) through the stack's Mailpit.
            ...(name === 'orders' ? { SMTP_URL: stack.mailpit.smtpUrl } : {}),
            PORT: String(port),
            MONGO_URL: databaseUrl(stack.mongoUrl, `pasar_${name}`),
          },
          logFile: join(logs, `${name}.log`),
          pidFile: join(opts.dataDir, 'pids', `${name}.pid`),
          marker: serviceEntry(name),
        });
        running.push(engine);
        await waitReady(engine, `GET /readyz`, () => httpOk(`http://127.0.0.1:${port}/readyz`), 90_000);
        log(`${name} ready on http://127.0.0.1:${port}`);
      }),
    );
    if (opts.seed !== false)
      accounts = (await seedDemoData(stack.mongoUrl, log, join(opts.dataDir, 'photos'))).accounts;
    if (opts.web !== false) {
      log('building the storefront (remix vite:build)…');
      const build = await runHelper('pnpm', ['--filter', '@pasar/web', 'build'], { cwd: root });
      if (build.code !== 0) throw new Error(`storefront build failed:\n${build.output}`);
      const web = spawnEngine({
        name: 'web',
        command: process.execPath,
        args: ['./build/server.js'],
        cwd: join(root, 'web'),
        env: {
          ...envFor('catalog'),
          NODE_ENV: 'production',
          PORT: String(MARKET_PORTS.web),
          HOST: '127.0.0.1',
        },
        logFile: join(logs, 'web.log'),
        pidFile: join(opts.dataDir, 'pids', 'web.pid'),
        marker: 'build/server.js',
      });
      running.push(web);
      await waitReady(web, 'GET /', () => httpOk(`http://127.0.0.1:${MARKET_PORTS.web}/`), 60_000);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const urls = {
    storefront: `http://127.0.0.1:${MARKET_PORTS.web}`,
    'Karbes Market': `http://127.0.0.1:${MARKET_PORTS.web}/k/karangbesuki`,
    catalog: `http://127.0.0.1:${MARKET_PORTS.catalog} (OpenAPI: /openapi.json)`,
    orders: `http://127.0.0.1:${MARKET_PORTS.orders}`,
    payments: `http://127.0.0.1:${MARKET_PORTS.payments}`,
    membership: `http://127.0.0.1:${MARKET_PORTS.membership}`,
    ledger: `http://127.0.0.1:${MARKET_PORTS.ledger} (books: reports, manual entries, periods)`,
    kafka: stack.kafkaBrokers,
    mongo: stack.mongoUrl,
    'stripe-mock': stack.stripeApiBase,
    midtrans: `${stack.midtransBaseUrl} (midtrans-sandbox; transactions: /_sandbox/transactions)`,
    mail: `${stack.mailpit.apiBase} (Mailpit: every mail the market sends; SMTP ${stack.mailpit.smtpUrl})`,
  };
  return { stack, urls, accounts, stop };
}

/**
 * Demo data through each service's own seed (use cases + outbox; the running relays publish).
 * Returns the demo accounts table the membership seed prints (indented lines).
 */
export async function seedDemoData(
  mongoUrl: string,
  log: Log,
  photoDir?: string,
): Promise<{ accounts: string[] }> {
  const root = paths.root();
  const accounts: string[] = [];
  for (const [name, script] of [
    ['membership', 'src/seed/seed-membership.ts'],
    ['catalog', 'src/seed/seed-products.ts'],
  ] as const) {
    log(`seeding ${name} demo data…`);
    const res = await runHelper(process.execPath, ['--import', 'tsx', script], {
      cwd: join(root, 'services', name),
      env: {
        ...DEV_DEFAULTS,
        ...(photoDir ? { PHOTO_DIR: photoDir } : {}),
        ...readDotEnv(),
        MONGO_URL: databaseUrl(mongoUrl, `pasar_${name}`),
      },
    });
    if (res.code !== 0) throw new Error(`${name} seed failed:\n${res.output}`);
    const lines = res.output.split('\n').filter(Boolean);
    if (name === 'membership')
      accounts.push(...lines.filter((l) => l.startsWith('  ')).map((l) => l.slice(2)));
    const summary = lines.slice(-1)[0];
    if (summary) log(`  ${summary}`);
  }
  return { accounts };
}

async function httpOk(url: string): Promise<void> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
}

/** A service's built entry point (`pnpm --filter @pasar/<name> build`), relative to the repository root. */
function serviceEntry(name: ServiceName): string {
  return join('services', name, 'dist', 'main.js');
}
