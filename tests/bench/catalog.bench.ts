/**
 * Catalog under load beside a trivial Hono JSON route, measured in the same run with autocannon.
 *   pnpm --filter @pasar/tests bench:catalog      (DURATION_S=10 CONNECTIONS=10 by default)
 * Prints and writes tests/bench/results/catalog.json: req/s, p50, p99 per route and the ratio to the
 * trivial route. Targets (issue 3): list ≥ 0.25× trivial, list p99 ≤ 25 ms. The main instance serves
 * repeated pages from its 1 s listing cache, as in production; a second instance with the cache off
 * shows what each uncached query costs on the dev engine.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@pasar/infra';
import { DEMO_PRODUCTS } from '@pasar/demo-data';
import autocannon from 'autocannon';
import { benchInfra } from './lib/infra';
import { localIssuer } from './lib/accounts';
import { dbUrl, post, startService } from './lib/services';
import { report, round } from './lib/stats';

const DURATION_S = Number(process.env.DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);

const infra = await benchInfra();
const run = `benchcat${Date.now().toString(36)}`;
const issuer = await localIssuer('karangbesuki');
const catalog = await startService('catalog', {
  MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: dbUrl(infra.mongoUrl, `${run}_catalog`),
});
console.log(`[bench] catalog at ${catalog.url}; loading the ${DEMO_PRODUCTS.length} demo products…`);
for (const p of DEMO_PRODUCTS.filter((d) => d.cooperativeId === 'karangbesuki')) {
  const { cooperativeId, ...body } = p;
  await post(
    `${catalog.url}/cooperatives/${cooperativeId}/products`,
    { ...body, status: 'published' },
    issuer.auth,
  );
}

// The same database behind a second instance with the listing cache off: every list query reaches
// FerretDB (which scans the collection for any filter but {_id}; see docs/decisions/0003).
const uncached = await startService('catalog', {
  MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: dbUrl(infra.mongoUrl, `${run}_catalog`),
  LISTING_CACHE_MS: '0',
});

const trivialPort = await freePort();
const trivial = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'lib', 'trivial-server.ts')],
  {
    env: { ...process.env, PORT: String(trivialPort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
await new Promise<void>((resolve) =>
  trivial.stdout.on('data', (d) => String(d).includes('READY') && resolve()),
);

async function measure(name: string, url: string) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
  const figures = {
    requestsPerSecond: round(r.requests.average, 1),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(`[bench] ${name}: ${JSON.stringify(figures)}`);
  return figures;
}

const trivialFig = await measure('trivial Hono route', `http://127.0.0.1:${trivialPort}/hello`);
const list = await measure('catalog list', `${catalog.url}/cooperatives/karangbesuki/products?limit=20`);
const search = await measure(
  'catalog search',
  `${catalog.url}/cooperatives/karangbesuki/products?q=keripik&inStock=true&sort=price_asc`,
);
const detail = await measure('catalog categories', `${catalog.url}/cooperatives/karangbesuki/categories`);
const listUncached = await measure(
  'catalog list, cache off',
  `${uncached.url}/cooperatives/karangbesuki/products?limit=20`,
);

report('catalog', {
  settings: {
    durationS: DURATION_S,
    connections: CONNECTIONS,
    products: DEMO_PRODUCTS.filter((d) => d.cooperativeId === 'karangbesuki').length,
  },
  trivial: trivialFig,
  list: { ...list, ratioToTrivial: round(list.requestsPerSecond / trivialFig.requestsPerSecond, 3) },
  search: { ...search, ratioToTrivial: round(search.requestsPerSecond / trivialFig.requestsPerSecond, 3) },
  categories: {
    ...detail,
    ratioToTrivial: round(detail.requestsPerSecond / trivialFig.requestsPerSecond, 3),
  },
  listCacheOff: {
    ...listUncached,
    ratioToTrivial: round(listUncached.requestsPerSecond / trivialFig.requestsPerSecond, 3),
  },
  targets: {
    listRatio: 0.25,
    listP99Ms: 25,
    met: list.requestsPerSecond / trivialFig.requestsPerSecond >= 0.25 && list.p99Ms <= 25,
  },
});
trivial.kill('SIGTERM');
await catalog.stop();
await uncached.stop();
await issuer.close();
await infra.stop();
process.exit(0);
