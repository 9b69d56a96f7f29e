/**
 * Catalog under load beside a trivial Hono JSON route, measured in the same run with autocannon.
 *   pnpm --filter @pasar/tests bench:catalog      (DURATION_S=10 CONNECTIONS=10 by default)
 *   BENCH_PRODUCTS=5000 PHOTOS_PER_PRODUCT=2 pnpm --filter @pasar/tests bench:catalog
 * Prints and writes tests/bench/results/catalog.json: req/s, p50, p99 per route and the ratio to the
 * trivial route. Targets (issue 3): list ≥ 0.25× trivial, list p99 ≤ 25 ms. The main instance serves
 * repeated pages from its 1 s listing cache, as in production; a second instance with the cache off
 * shows what each uncached query costs on the dev engine.
 *
 * BENCH_PRODUCTS (default: Karbes Market's demo products) seeds that many products through the
 * HTTP API, cycling the demo products with numbered SKUs and names. PHOTOS_PER_PRODUCT (default 2)
 * then gives every product that many photo records (`photos: ProductPhoto[]`, three WebP variants
 * each), written straight into the bench's database: the records, not image files, are what the
 * list and search read. The uncached list and search are measured once before the records are
 * written (`withoutPhotos` in the results) and again after, on the same products.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@pasar/infra';
import { DEMO_PRODUCTS } from '@pasar/demo-data';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { benchInfra } from './lib/infra';
import { localIssuer } from './lib/accounts';
import { dbUrl, post, startService } from './lib/services';
import { report, round } from './lib/stats';

const DURATION_S = Number(process.env.DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
/** Per-request timeout: an uncached query over thousands of products on FerretDB-SQLite takes seconds. */
const TIMEOUT_S = Number(process.env.TIMEOUT_S ?? 10);
const DEMO = DEMO_PRODUCTS.filter((d) => d.cooperativeId === 'karangbesuki');
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? DEMO.length);
const PHOTOS_PER_PRODUCT = Number(process.env.PHOTOS_PER_PRODUCT ?? 2);

/** The n-th product to seed: the demo products first, then numbered copies of them. */
function benchProduct(n: number) {
  const base = DEMO[n % DEMO.length]!;
  const copy = Math.floor(n / DEMO.length);
  return copy === 0
    ? base
    : { ...base, sku: `${base.sku}-B${copy}`, name: `${base.name} #${copy}`, stock: 5 + (n % 50) };
}

/** Photo records as the upload pipeline makes them (ids in its format, three variants each). */
function photosOf(n: number) {
  return Array.from({ length: PHOTOS_PER_PRODUCT }, (_, i) => {
    const photoId = `pho_${`bench${n.toString(36)}x${i}`.padEnd(22, '0')}`;
    return {
      photoId,
      width: 1280,
      height: 960,
      variants: [320, 640, 1280].map((width) => ({ width, url: `/photos/${photoId}/${width}.webp` })),
    };
  });
}

const infra = await benchInfra();
const run = `benchcat${Date.now().toString(36)}`;
const issuer = await localIssuer('karangbesuki');
const database = dbUrl(infra.mongoUrl, `${run}_catalog`);
const catalog = await startService('catalog', {
  MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: database,
});
console.log(`[bench] catalog at ${catalog.url}; loading ${PRODUCTS} products…`);
const seedStarted = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    for (let n = next++; n < PRODUCTS; n = next++) {
      const { cooperativeId, ...body } = benchProduct(n);
      await post(
        `${catalog.url}/cooperatives/${cooperativeId}/products`,
        { ...body, status: 'published' },
        issuer.auth,
      );
    }
  }),
);
console.log(`[bench] ${PRODUCTS} products in ${round((performance.now() - seedStarted) / 1000, 1)} s`);

// The same database behind a second instance with the listing cache off: every list query reaches
// FerretDB (which scans the collection for any filter but {_id}; see docs/decisions/0003).
const uncached = await startService('catalog', {
  MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: database,
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
  const r = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    pipelining: 1,
    timeout: TIMEOUT_S,
  });
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

const LIST = '/cooperatives/karangbesuki/products?limit=20';
const SEARCH = '/cooperatives/karangbesuki/products?q=keripik&inStock=true&sort=price_asc';

// The uncached queries before the photo records exist, on the same data: what the photos cost.
let withoutPhotos: Record<string, unknown> | undefined;
if (PHOTOS_PER_PRODUCT > 0) {
  withoutPhotos = {
    listCacheOff: await measure('catalog list, cache off, no photos yet', `${uncached.url}${LIST}`),
    searchCacheOff: await measure('catalog search, cache off, no photos yet', `${uncached.url}${SEARCH}`),
  };
  const conn = await mongoose.createConnection(database).asPromise();
  const products = conn.collection('products');
  const ids = await products.find({}, { projection: { _id: 1 } }).toArray();
  // One updateOne per product, by _id (a bulkWrite has hung FerretDB-SQLite, see the relay's history).
  let at = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = at++; i < ids.length; i = at++)
        await products.updateOne({ _id: ids[i]!._id }, { $set: { photos: photosOf(i) } });
    }),
  );
  await conn.close();
  console.log(`[bench] ${PHOTOS_PER_PRODUCT} photo records on each of ${ids.length} products`);
}

const trivialFig = await measure('trivial Hono route', `http://127.0.0.1:${trivialPort}/hello`);
const list = await measure('catalog list', `${catalog.url}${LIST}`);
const search = await measure('catalog search', `${catalog.url}${SEARCH}`);
const detail = await measure('catalog categories', `${catalog.url}/cooperatives/karangbesuki/categories`);
const listUncached = await measure('catalog list, cache off', `${uncached.url}${LIST}`);
const searchUncached = await measure('catalog search, cache off', `${uncached.url}${SEARCH}`);

report('catalog', {
  settings: {
    durationS: DURATION_S,
    connections: CONNECTIONS,
    timeoutS: TIMEOUT_S,
    products: PRODUCTS,
    photosPerProduct: PHOTOS_PER_PRODUCT,
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
  searchCacheOff: {
    ...searchUncached,
    ratioToTrivial: round(searchUncached.requestsPerSecond / trivialFig.requestsPerSecond, 3),
  },
  ...(withoutPhotos ? { withoutPhotos } : {}),
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
