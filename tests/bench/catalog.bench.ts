/**
 * Catalog under load beside a trivial Hono JSON route, measured in the same run with autocannon.
 *   pnpm --filter @pasar/tests bench:catalog      (DURATION_S=10 CONNECTIONS=10 by default)
 *   BENCH_PRODUCTS=5000 PHOTOS_PER_PRODUCT=2 pnpm --filter @pasar/tests bench:catalog
 * Prints and writes tests/bench/results/catalog.json: req/s, p50, p99 per route and the ratio to the
 * trivial route. Targets (issue 3): list ≥ 0.25× trivial, list p99 ≤ 25 ms. The main instance serves
 * repeated pages from its 1 s listing cache, as in production; a second instance with the cache off
 * answers every list from the listing read model (docs/decisions/0018) and reads each page's products
 * from FerretDB. Target (issue 7): with the cache off, list and search p99 ≤ 50 ms at 10 connections.
 * BENCH_INDEX_OFF=1 adds a third instance with the read model off too (LISTING_INDEX=off): every
 * page a collection query, as before 0018 (seconds per page at 5,000 products).
 *
 * OTHER_COOPERATIVES (default 19) × OTHER_PRODUCTS (default 250) products of other cooperatives are
 * written straight into the database (one insertMany per 100), so the collection holds 20
 * cooperatives, as issue 7 asks: the read model reads one cooperative's products, not the collection.
 *
 * BENCH_PRODUCTS (default: Karbes Market's demo products) seeds that many products through the
 * HTTP API, cycling the demo products with numbered SKUs and names. PHOTOS_PER_PRODUCT (default 2)
 * then gives every product that many photo records (`photos: ProductPhoto[]`, three WebP variants
 * each), written straight into the bench's database: the records, not image files, are what the
 * list and search read. The uncached list and search are measured once before the records are
 * written (`withoutPhotos` in the results) and again after, on the same products.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
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
const OTHER_COOPERATIVES = Number(process.env.OTHER_COOPERATIVES ?? 19);
const OTHER_PRODUCTS = Number(process.env.OTHER_PRODUCTS ?? 250);
const INDEX_OFF = process.env.BENCH_INDEX_OFF === '1';

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

/** As catalog folds text for its `search` and `sortName` fields (domain/search-text.ts). */
const fold = (t: string) =>
  t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

/** A product of another cooperative as catalog stores it (db/product.model.ts). */
function otherProduct(cooperativeId: string, n: number, at: Date) {
  const base = DEMO[n % DEMO.length]!;
  const name = `${base.name} ${cooperativeId} #${n}`;
  return {
    _id: new mongoose.Types.ObjectId(),
    cooperativeId,
    sellerId: base.sellerId,
    ownerPersonId: null,
    sku: `${base.sku}-${cooperativeId}-${n}`,
    name,
    description: base.description,
    category: base.category,
    unit: base.unit,
    price: base.price,
    maxPerOrder: base.maxPerOrder ?? null,
    buyerLimit: null,
    het: false,
    imageUrl: null,
    photos: [],
    seller: null,
    sellerSuspended: false,
    listingApproved: true,
    review: null,
    status: 'published',
    stock: { available: 5 + (n % 50), reserved: 0, sold: 0 },
    search: fold(`${name} ${base.description}`),
    sortName: fold(name),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
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

if (OTHER_COOPERATIVES > 0) {
  const started = performance.now();
  const conn = await mongoose.createConnection(database).asPromise();
  const products = conn.collection('products');
  for (let c = 1; c <= OTHER_COOPERATIVES; c++) {
    const cooperativeId = `benchkop${String(c).padStart(2, '0')}`;
    const docs = Array.from({ length: OTHER_PRODUCTS }, (_, n) =>
      otherProduct(cooperativeId, n, new Date(Date.now() - n * 1_000)),
    );
    for (let i = 0; i < docs.length; i += 100) await products.insertMany(docs.slice(i, i + 100));
  }
  const total = await products.estimatedDocumentCount();
  await conn.close();
  console.log(
    `[bench] ${OTHER_COOPERATIVES} other cooperatives × ${OTHER_PRODUCTS} products in ${round((performance.now() - started) / 1000, 1)} s; ${total} products in the collection`,
  );
}

// The same database behind a second instance with the listing cache off: every list query reaches
// FerretDB (which scans the collection for any filter but {_id}; see docs/decisions/0003).
const uncached = await startService('catalog', {
  MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: database,
  LISTING_CACHE_MS: '0',
});
// The read model off as well: every page one collection query (what 0018 replaced).
const indexOff = INDEX_OFF
  ? await startService('catalog', {
      MEMBERSHIP_JWKS_URL: issuer.jwksUrl,
      KAFKA_BROKERS: infra.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: `${run}.`,
      MONGO_URL: database,
      LISTING_CACHE_MS: '0',
      LISTING_INDEX: 'off',
    })
  : undefined;

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

/** One request's time: the cache-off instance's first list reads the cooperative's cards (cold). */
async function timed(url: string) {
  const started = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as { items: unknown[] };
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return { ms: round(performance.now() - started, 1), items: body.items.length };
}
const cold = {
  firstList: await timed(`${uncached.url}${LIST}`),
  secondList: await timed(`${uncached.url}${LIST}`),
  firstSearch: await timed(`${uncached.url}${SEARCH}`),
};
console.log(`[bench] cache off, cold: ${JSON.stringify(cold)}`);
const loadAverage = { before: os.loadavg().map((l) => round(l, 2)) };

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

// The cached instance reads the cooperative's cards on its first list too (not part of its figures).
const cachedFirstList = await timed(`${catalog.url}${LIST}`);
console.log(`[bench] cached instance, first list: ${JSON.stringify(cachedFirstList)}`);
const trivialFig = await measure('trivial Hono route', `http://127.0.0.1:${trivialPort}/hello`);
const list = await measure('catalog list', `${catalog.url}${LIST}`);
const search = await measure('catalog search', `${catalog.url}${SEARCH}`);
const detail = await measure('catalog categories', `${catalog.url}/cooperatives/karangbesuki/categories`);
const listUncached = await measure('catalog list, cache off', `${uncached.url}${LIST}`);
const searchUncached = await measure('catalog search, cache off', `${uncached.url}${SEARCH}`);
const trivialAfter = await measure('trivial Hono route, again', `http://127.0.0.1:${trivialPort}/hello`);
const offFigures = indexOff
  ? {
      listIndexOff: await measure('catalog list, cache and read model off', `${indexOff.url}${LIST}`),
      searchIndexOff: await measure('catalog search, cache and read model off', `${indexOff.url}${SEARCH}`),
    }
  : {};
const loadAverageAfter = os.loadavg().map((l) => round(l, 2));

report('catalog', {
  settings: {
    durationS: DURATION_S,
    connections: CONNECTIONS,
    timeoutS: TIMEOUT_S,
    products: PRODUCTS,
    photosPerProduct: PHOTOS_PER_PRODUCT,
    otherCooperatives: OTHER_COOPERATIVES,
    productsPerOtherCooperative: OTHER_PRODUCTS,
  },
  loadAverage: { ...loadAverage, after: loadAverageAfter },
  coldCacheOff: cold,
  cachedFirstList,
  trivialAgain: trivialAfter,
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
  ...offFigures,
  ...(withoutPhotos ? { withoutPhotos } : {}),
  targets: {
    listRatio: 0.25,
    listP99Ms: 25,
    met: list.requestsPerSecond / trivialFig.requestsPerSecond >= 0.25 && list.p99Ms <= 25,
    cacheOffP99Ms: 50,
    cacheOffMet: listUncached.p99Ms <= 50 && searchUncached.p99Ms <= 50,
  },
});
trivial.kill('SIGTERM');
await catalog.stop();
await uncached.stop();
await indexOff?.stop();
await issuer.close();
await infra.stop();
process.exit(0);
