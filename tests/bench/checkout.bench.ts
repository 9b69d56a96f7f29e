/**
 * Checkout end to end — POST /orders → order confirmed (catalog reserved the stock, orders confirmed
 * the cash order, event observed on the orders topic) — through the four real services.
 *   pnpm --filter @pasar/tests bench:checkout     (RATE=20 DURATION_S=60 STEPS=5,10,20,50,100,150 STEP_S=15 WARMUP_S=10)
 * Phase 0: WARMUP_S seconds at RATE from cold processes, reported as `coldStart` (0 skips it).
 * Phase 1: a steady RATE orders/s for DURATION_S → p50/p99. Phase 2: a ramp of STEP_S seconds per
 * step; "sustained" is the highest step whose orders all confirm within 5 s of the step's end.
 * PASAR_FERRETDB_BACKEND=postgresql runs it on FerretDB's PostgreSQL handler (docs/decisions/0008).
 * Writes tests/bench/results/checkout.json.
 *
 * Online payment mode (PAYMENT=qris, or gopay / shopeepay): each order is paid like a shopper on the
 * Midtrans sandbox (choose + pay through its control API) once payments opened its session; the
 * latency is placed → PAID (orders' OrderConfirmed, written with PAID after the verified
 * notification). Steady phase only, unless STEPS is given. Writes tests/bench/results/checkout-<PAYMENT>.json.
 *
 * Profile mode (PROFILE_ORDERS=300 RATE=10, services at BENCH_LOG_LEVEL=info as in production): an
 * idle window of IDLE_S seconds, then exactly PROFILE_ORDERS orders at RATE/s, and per order: CPU
 * seconds of every process (/proc), Kafka requests by API, database commands by collection, relay
 * passes, log lines — from the services' /metrics. Writes tests/bench/results/checkout-profile.json.
 * PROFILE_WARMUP_ORDERS=N first places N orders at RATE (not measured): the figures of warm processes.
 * MONGO_COMMAND_METRICS=on counts database commands (the driver's command monitoring, ~3 % CPU).
 */
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { OrderConfirmed, OrderRejected, PaymentSessionOpened } from '@pasar/contracts';
import { Bus, createLogger } from '@pasar/events';
import mongoose from 'mongoose';
import { createAccount, signInTokens } from './lib/accounts';
import { benchInfra } from './lib/infra';
import { dbUrl, post, type RunningService, startService } from './lib/services';
import { type Counters, cpuSeconds, diff, label, scrape, sumBy } from './lib/profile';
import { percentile, report, round } from './lib/stats';
import { startTap } from './lib/tap';

const RATE = Number(process.env.RATE ?? 20);
const DURATION_S = Number(process.env.DURATION_S ?? 60);
const STEPS = (process.env.STEPS ?? '5,10,20,50,100,150').split(',').map(Number);
const STEP_S = Number(process.env.STEP_S ?? 15);
const PROFILE_ORDERS = Number(process.env.PROFILE_ORDERS ?? 0);
const IDLE_S = Number(process.env.IDLE_S ?? 10);
/** Profile mode: orders at RATE before the idle window, so the measured orders run JIT-compiled code. */
const PROFILE_WARMUP_ORDERS = Number(process.env.PROFILE_WARMUP_ORDERS ?? 0);
const WARMUP_S = Number(process.env.WARMUP_S ?? 10);
const PRODUCTS = Number(process.env.PRODUCTS ?? 30);
/** PRIOR_ORDERS=20000: that many earlier orders in every service's database before the run (see seedPriorOrders). */
const PRIOR_ORDERS = Number(process.env.PRIOR_ORDERS ?? 0);
const PAYMENT = process.env.PAYMENT ?? 'cash';
const ONLINE = PAYMENT !== 'cash';
if (ONLINE && !['qris', 'gopay', 'shopeepay'].includes(PAYMENT))
  throw new Error(`PAYMENT=${PAYMENT}: the bench pays qris, gopay or shopeepay (or cash)`);

const infra = await benchInfra();
const run = `benchco${Date.now().toString(36)}`;
const prefix = `${run}.`;
const services: Record<string, RunningService> = {};
for (const name of ['membership', 'catalog', 'orders', 'payments']) {
  services[name] = await startService(name, {
    KAFKA_BROKERS: infra.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: prefix,
    MONGO_URL: dbUrl(infra.mongoUrl, `${run}_${name}`),
    STRIPE_API_BASE: infra.stripeApiBase,
    MIDTRANS_BASE_URL: infra.midtransBaseUrl,
    MIDTRANS_SERVER_KEY: infra.midtransServerKey,
    ...(name === 'orders' ? { PAYMENT_METHODS: `cash,${ONLINE ? PAYMENT : 'qris'}` } : {}),
    // membership starts first; the others verify its tokens against its public keys.
    ...(services.membership
      ? { MEMBERSHIP_JWKS_URL: `${services.membership.url}/.well-known/jwks.json` }
      : {}),
  });
}
const { membership, catalog, orders } = services as Record<
  'membership' | 'catalog' | 'orders',
  RunningService
>;
const coop = 'benchkoperasi';
// Registering a cooperative is the city office's (dinas) job in membership.
createAccount(dbUrl(infra.mongoUrl, `${run}_membership`), {
  command: 'create-dinas',
  name: 'Bench Dinas',
  phone: '081100008887',
  password: 'bench-dinas-2026',
});
const dinas = await signInTokens(membership.url, '081100008887', 'bench-dinas-2026');
await post(
  `${membership.url}/cooperatives`,
  {
    cooperativeId: coop,
    name: 'Koperasi Bench',
    marketName: 'Bench Market',
    ward: 'Karangbesuki',
    city: 'Kota Malang',
    outletAddress: 'Jl. Bench 1',
    openingHours: '24 jam',
    phone: '+6281234500000',
    deliveryEnabled: true,
    deliveryFee: 5000,
    orderExpiryMinutes: 30,
  },
  { authorization: `Bearer ${dinas.membership}` },
);
// Products are the staff's: the cooperative's first pengurus comes from the operator command.
createAccount(dbUrl(infra.mongoUrl, `${run}_membership`), {
  command: 'create-pengurus',
  cooperative: coop,
  position: 'ketua',
  name: 'Bench Ketua',
  phone: '081100008886',
  password: 'bench-ketua-2026',
});
const ketua = await signInTokens(membership.url, '081100008886', 'bench-ketua-2026');
// A market sells many goods and a cart holds a few of them: PRODUCTS (default 30) products, and each
// cart takes one or two of them at random. PRODUCTS=1 is the hot-spot case, every order on one product.
const productIds: string[] = [];
for (let i = 0; i < PRODUCTS; i++) {
  const created = await post(
    `${catalog.url}/cooperatives/${coop}/products`,
    {
      sku: `BENCH-${i + 1}`,
      sellerId: 'mbr_bench',
      name: `Barang Bench ${i + 1}`,
      description: 'Untuk benchmark.',
      category: 'sembako',
      unit: 'pack',
      price: 10_000 + i * 500,
      maxPerOrder: null,
      stock: 1_000_000,
      status: 'published',
    },
    { authorization: `Bearer ${ketua.catalog}` },
  );
  productIds.push(created.id);
}
/** Deterministic pseudo-random picks (mulberry32), so runs buy the same mix. */
let seed = 0x9e3779b9;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function cartLines(): string[] {
  const first = productIds[Math.floor(random() * productIds.length)]!;
  if (productIds.length === 1 || random() < 0.5) return [first];
  const second = productIds[Math.floor(random() * productIds.length)]!;
  return second === first ? [first] : [first, second];
}

// Observe outcomes on the orders topic, as any downstream service would.
const logger = createLogger('bench', 'warn');
const observerRequests = new Map<string, number>();
const bus = new Bus({
  brokers: infra.kafkaBrokers.split(','),
  clientId: 'bench-observer',
  topicPrefix: prefix,
  logger,
  observer: {
    kafkaRequest: (client, api) => {
      const k = `${client}:${api}`;
      observerRequests.set(k, (observerRequests.get(k) ?? 0) + 1);
    },
  },
});
const placedAt = new Map<string, number>();
const outcomes = new Map<string, { at: number; ok: boolean }>();
/** Online mode: when payments opened the order's session, and when the shopper paid. */
const openedAt = new Map<string, number>();
const paidAt = new Map<string, number>();
const sessionOpened = new Map<string, () => void>();

/** The shopper on the sandbox's page: picks the method, presses Bayar (the control API does both). */
async function payOnSandbox(orderId: string) {
  await new Promise<void>((resolve) => {
    if (openedAt.has(orderId)) resolve();
    else sessionOpened.set(orderId, resolve);
  });
  const ref = `${orderId}-1-1`;
  for (const [path, body] of [
    ['choose', { payment_type: PAYMENT }],
    ['pay', {}],
  ] as const) {
    const res = await fetch(`${infra.midtransBaseUrl}/_sandbox/transactions/${ref}/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${path} ${ref}: ${res.status} ${await res.text()}`);
  }
  paidAt.set(orderId, performance.now());
}
// Online mode also watches payments' topic for the session the shopper pays in.
const observedTopics = ONLINE ? [OrderConfirmed.topic, PaymentSessionOpened.topic] : [OrderConfirmed.topic];
const observer = await startTap(bus, `${run}-observer`, observedTopics, (type, data) => {
  const orderId = String(data.orderId);
  if (type === OrderConfirmed.type) outcomes.set(orderId, { at: performance.now(), ok: true });
  else if (type === OrderRejected.type) outcomes.set(orderId, { at: performance.now(), ok: false });
  else if (type === PaymentSessionOpened.type) {
    openedAt.set(orderId, performance.now());
    sessionOpened.get(orderId)?.();
  }
});
await observer.ready;

/** The cooperative and product reach orders by event: retry a 404 for a while. */
async function retryWhileNotFound<T>(fn: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i > 150 || !String(err).includes(': 404 ')) throw err;
      await sleep(200);
    }
  }
}

async function prepareCarts(n: number): Promise<string[]> {
  const carts: string[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const cart = await retryWhileNotFound(() => post(`${orders.url}/carts`, { cooperativeId: coop }));
        for (const productId of cartLines()) {
          for (;;) {
            const res = await fetch(`${orders.url}/carts/${cart.id}/lines`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ productId, quantity: 1 }),
            });
            if (res.ok) break;
            if (res.status !== 404) throw new Error(`add line: ${res.status}`);
            await sleep(200); // product not in orders' read model yet
          }
        }
        return cart.id as string;
      }),
    );
    carts.push(...batch);
  }
  return carts;
}

let phase = 0;
async function drive(rate: number, seconds: number, prepared?: string[]) {
  phase++;
  const carts = prepared ?? (await prepareCarts(rate * seconds));
  const ids: string[] = [];
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  const payments: Promise<void>[] = [];
  for (let i = 0; i < carts.length; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inflight.push(
      (async () => {
        const res = await post(
          `${orders.url}/orders`,
          {
            cartId: carts[i],
            fulfilment: { method: 'pickup' },
            contact: { name: 'Budi Santoso', phone: '081234567890' },
            paymentMethod: PAYMENT,
          },
          { 'idempotency-key': `${run}-${phase}-${i}` },
        );
        placedAt.set(res.order.id, due);
        ids.push(res.order.id);
        if (ONLINE)
          payments.push(payOnSandbox(res.order.id).catch((err) => console.error(`[bench] ${String(err)}`)));
      })(),
    );
  }
  await Promise.all(inflight);
  const sendEnd = performance.now();
  const deadline = sendEnd + 60_000;
  while (ids.some((id) => !outcomes.has(id)) && performance.now() < deadline) await sleep(50);
  const lat = ids.flatMap((id) => {
    const o = outcomes.get(id);
    return o?.ok ? [o.at - placedAt.get(id)!] : [];
  });
  const lastOutcome = Math.max(...ids.map((id) => outcomes.get(id)?.at ?? Number.POSITIVE_INFINITY));
  // BENCH_TIMELINE=<file>: one line per order (when it was due, its latency), to see when the slow ones happen.
  if (process.env.BENCH_TIMELINE)
    appendFileSync(
      process.env.BENCH_TIMELINE,
      ids
        .map((id) => {
          const o = outcomes.get(id);
          const t = Math.round(placedAt.get(id)! - start);
          return `${JSON.stringify({ phase, rate, t, ms: o?.ok ? Math.round(o.at - placedAt.get(id)!) : null })}\n`;
        })
        .join(''),
    );
  const online = () => {
    const toSession = ids.flatMap((id) => (openedAt.has(id) ? [openedAt.get(id)! - placedAt.get(id)!] : []));
    const payToPaid = ids.flatMap((id) => {
      const o = outcomes.get(id);
      return o?.ok && paidAt.has(id) ? [o.at - paidAt.get(id)!] : [];
    });
    return {
      paymentMethod: PAYMENT,
      placedToSessionOpenedP50Ms: round(percentile(toSession, 50)),
      placedToSessionOpenedP99Ms: round(percentile(toSession, 99)),
      payToPaidP50Ms: round(percentile(payToPaid, 50)),
      payToPaidP99Ms: round(percentile(payToPaid, 99)),
    };
  };
  if (ONLINE) await Promise.race([Promise.all(payments), sleep(1_000)]);
  return {
    ...(ONLINE ? online() : {}),
    offeredPerSecond: rate,
    orders: ids.length,
    confirmed: lat.length,
    rejectedOrMissing: ids.length - lat.length,
    achievedPerSecond: round(lat.length / ((Math.min(lastOutcome, deadline) - start) / 1000), 1),
    drainAfterSendMs: round(Math.max(0, lastOutcome - sendEnd)),
    p50Ms: round(percentile(lat, 50)),
    p99Ms: round(percentile(lat, 99)),
    maxMs: round(Math.max(...lat)),
  };
}

interface Snapshot {
  at: number;
  cpu: Record<string, number>;
  metrics: Record<string, Counters>;
  logLines: Record<string, number>;
  observer: Map<string, number>;
}

async function snapshot(): Promise<Snapshot> {
  const cpu: Record<string, number> = {
    kafka: cpuSeconds(infra.pids.kafka?.()),
    ferretdb: cpuSeconds(infra.pids.ferretdb?.()),
    'load generator + observer': cpuSeconds(process.pid),
  };
  const metrics: Record<string, Counters> = {};
  const logLines: Record<string, number> = {};
  for (const [name, s] of Object.entries(services)) {
    cpu[name] = cpuSeconds(s.pid);
    logLines[name] = s.logLines();
  }
  // CPU first, then the scrapes (a scrape costs the service a little CPU of its own).
  for (const [name, s] of Object.entries(services)) metrics[name] = await scrape(s.url);
  return { at: performance.now(), cpu, metrics, logLines, observer: new Map(observerRequests) };
}

/** Per-unit figures between two snapshots: CPU ms per process, and counts from the services' /metrics. */
function costs(a: Snapshot, b: Snapshot, per: number) {
  const r = (n: number) => round(n / per, 3);
  const cpuMs = Object.fromEntries(
    Object.keys(a.cpu).map((k) => [k, round(((b.cpu[k]! - a.cpu[k]!) * 1000) / per, 2)]),
  );
  const cpuTotalMs = round(
    Object.values(cpuMs).reduce((x, y) => x + (Number.isNaN(y) ? 0 : y), 0),
    2,
  );
  const perService: Record<string, unknown> = {};
  const total = { kafkaRequests: {} as Record<string, number>, dbCommands: {} as Record<string, number> };
  for (const name of Object.keys(a.metrics)) {
    const d = diff(a.metrics[name]!, b.metrics[name]!);
    const kafka = sumBy(d, /^pasar_kafka_requests_total/, (k) => `${label(k, 'client')}:${label(k, 'api')}`);
    const db = sumBy(
      d,
      /^pasar_mongo_commands_total/,
      (k) => `${label(k, 'command')} ${label(k, 'collection')}`,
    );
    for (const [k, v] of Object.entries(kafka)) total.kafkaRequests[k] = (total.kafkaRequests[k] ?? 0) + v;
    for (const [k, v] of Object.entries(db)) {
      const cmd = k.split(' ')[0]!;
      total.dbCommands[cmd] = (total.dbCommands[cmd] ?? 0) + v;
    }
    perService[name] = {
      kafkaRequests: Object.fromEntries(Object.entries(kafka).map(([k, v]) => [k, r(v)])),
      dbCommands: Object.fromEntries(Object.entries(db).map(([k, v]) => [k, r(v)])),
      /** Wall-clock ms per order the service waited on each command (the driver's view: queueing included). */
      dbCommandMs: Object.fromEntries(
        Object.entries(
          sumBy(
            d,
            /^pasar_mongo_command_duration_seconds_sum/,
            (k) => `${label(k, 'command')} ${label(k, 'collection')}`,
          ),
        ).map(([k, v]) => [k, r(v * 1000)]),
      ),
      relayPasses: Object.fromEntries(
        Object.entries(sumBy(d, /^pasar_outbox_relay_passes_total/, (k) => label(k, 'kind'))).map(
          ([k, v]) => [k, r(v)],
        ),
      ),
      relayDocsRead: r(
        Object.values(sumBy(d, /^pasar_outbox_relay_documents_read_total/, () => 'x'))[0] ?? 0,
      ),
      eventsPublished: r(Object.values(sumBy(d, /^pasar_outbox_published_total/, () => 'x'))[0] ?? 0),
      consumerBatches: r(Object.values(sumBy(d, /^pasar_consumer_batches_total/, () => 'x'))[0] ?? 0),
      consumerRecords: r(Object.values(sumBy(d, /^pasar_consumer_records_total/, () => 'x'))[0] ?? 0),
      httpRequests: r(Object.values(sumBy(d, /^pasar_http_requests_total/, () => 'x'))[0] ?? 0),
      logLines: r(b.logLines[name]! - a.logLines[name]!),
    };
  }
  const observer: Record<string, number> = {};
  for (const [k, v] of b.observer)
    if (v !== (a.observer.get(k) ?? 0)) observer[k] = r(v - (a.observer.get(k) ?? 0));
  const sum = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
  return {
    cpuMs,
    cpuTotalMs,
    kafkaRequestsAllServices: Object.fromEntries(
      Object.entries(total.kafkaRequests).map(([k, v]) => [k, r(v)]),
    ),
    kafkaRequestsAllServicesTotal: r(sum(total.kafkaRequests)),
    dbCommandsAllServices: Object.fromEntries(Object.entries(total.dbCommands).map(([k, v]) => [k, r(v)])),
    dbCommandsAllServicesTotal: r(sum(total.dbCommands)),
    benchObserverKafkaRequests: observer,
    perService,
  };
}

/**
 * PRIOR_ORDERS earlier orders in the databases, as a market has after months of trade: 20 real
 * orders go through the services first, then every document they left (orders, reservations,
 * payments, consignment records — any document whose _id or orderId names one of them) is copied with a
 * fresh order id until there are PRIOR_ORDERS of each, written straight into each service's
 * database in batches. Their outboxes are empty: those events were published long ago.
 */
async function seedPriorOrders(n: number) {
  console.log(`[bench] prior orders: 20 real orders, then copies up to ${n}…`);
  const warm = await drive(5, 4);
  if (warm.confirmed !== warm.orders) throw new Error(`prior orders: ${JSON.stringify(warm)}`);
  await sleep(3_000);
  const templates = [...outcomes.keys()];
  const { ObjectId } = mongoose.mongo;
  const copy = (v: unknown, from: string, to: string, top: boolean): unknown => {
    if (typeof v === 'string') return v.split(from).join(to);
    if (Array.isArray(v)) return v.map((x) => copy(x, from, to, false));
    if (v instanceof ObjectId) return top ? new ObjectId() : v;
    if (v instanceof Date || v === null || typeof v !== 'object') return v;
    if ((v as { _bsontype?: string })._bsontype) return v;
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [
        k.split(from).join(to),
        k === 'outbox' ? [] : copy(x, from, to, top && k === '_id'),
      ]),
    );
  };
  for (const name of ['orders', 'catalog', 'payments']) {
    const c = await mongoose.createConnection(dbUrl(infra.mongoUrl, `${run}_${name}`)).asPromise();
    for (const { name: collName } of await c.db!.listCollections().toArray()) {
      if (collName === 'processed_events') continue; // a window of recent ids, not one per order
      const coll = c.db!.collection(collName);
      const docs = await coll.find({}).toArray();
      // A document of one order: its _id or its orderId names the order (a product, whose sale
      // markers name many orders, is not one).
      const per = docs.flatMap((d) => {
        const t = templates.find((id) => String(d._id).includes(id) || d.orderId === id);
        return t ? [{ d, t }] : [];
      });
      if (per.length === 0) continue;
      let written = 0;
      for (let i = 0; written < n - templates.length; i++) {
        const batch = [];
        for (let j = 0; j < 500 && written + batch.length < n - templates.length; j++) {
          const { d, t } = per[(i * 500 + j) % per.length]!;
          const to = `ord_Z${String(i * 500 + j).padStart(12, '0')}${t.slice(17)}`; // same length and alphabet
          // The id without its `ord_`, so ids derived from it (payments' `pay_<id>x1`) change too.
          const doc = copy(d, t.slice(4), to.slice(4), true) as Record<string, unknown>;
          if (typeof doc.idempotencyKey === 'string') doc.idempotencyKey = `${to}-key`; // unique index
          batch.push(doc);
        }
        await coll.insertMany(batch, { ordered: false });
        written += batch.length;
      }
      console.log(`[bench] prior orders: ${name}.${collName} +${written}`);
    }
    await c.close();
  }
}
if (PRIOR_ORDERS > 0) await seedPriorOrders(PRIOR_ORDERS);

if (PROFILE_ORDERS > 0) {
  console.log(`[bench] profile: preparing ${PROFILE_ORDERS} carts…`);
  const carts = await prepareCarts(PROFILE_ORDERS);
  if (PROFILE_WARMUP_ORDERS > 0) {
    // The JVM's JIT compilers alone took about half of Kafka's CPU in a cold profile window.
    console.log(`[bench] profile: warm-up, ${PROFILE_WARMUP_ORDERS} orders at ${RATE}/s…`);
    const warm = await drive(RATE, PROFILE_WARMUP_ORDERS / RATE);
    console.log(`[bench] profile: warm-up ${JSON.stringify(warm)}`);
  }
  await sleep(3_000); // let the cart writes' trailing work settle
  console.log(`[bench] profile: idle window ${IDLE_S}s…`);
  const i0 = await snapshot();
  await sleep(IDLE_S * 1000);
  const i1 = await snapshot();
  const idleS = (i1.at - i0.at) / 1000;
  console.log(`[bench] profile: ${PROFILE_ORDERS} orders at ${RATE}/s…`);
  const a = await snapshot();
  const result = await drive(RATE, PROFILE_ORDERS / RATE, carts);
  await sleep(2_000); // trailing events after the confirmation (stock commit, payments bookkeeping)
  const b = await snapshot();
  const windowS = (b.at - a.at) / 1000;
  const perOrder = costs(a, b, result.orders);
  const idlePerSecond = costs(i0, i1, idleS);
  // The same window's idle cost, taken off: what the orders themselves cost.
  const netCpuMs = Object.fromEntries(
    Object.entries(perOrder.cpuMs).map(([k, v]) => [
      k,
      round(v - (idlePerSecond.cpuMs[k]! * windowS) / result.orders, 2),
    ]),
  );
  report('checkout-profile', {
    settings: {
      products: PRODUCTS,
      priorOrders: PRIOR_ORDERS,
      orders: PROFILE_ORDERS,
      warmupOrders: PROFILE_WARMUP_ORDERS,
      rate: RATE,
      idleS: IDLE_S,
      logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
      runner: process.env.BENCH_RUNNER ?? 'dist',
      // Database command counts need the driver's command monitoring (MONGO_COMMAND_METRICS=on), which
      // costs CPU itself: off (the services' default) leaves dbCommands empty.
      mongoCommandMetrics: process.env.MONGO_COMMAND_METRICS ?? 'off',
    },
    loadAverage: (await import('node:os')).loadavg().map((x) => round(x, 2)),
    result,
    windowS: round(windowS, 1),
    perOrder,
    perOrderNetOfIdleCpuMs: netCpuMs,
    perOrderNetOfIdleCpuTotalMs: round(
      Object.values(netCpuMs).reduce((x, y) => x + (Number.isNaN(y) ? 0 : y), 0),
      2,
    ),
    idlePerSecond,
  });
  await observer.stop();
  await bus.disconnect();
  for (const s of Object.values(services)) await s.stop();
  await infra.stop();
  process.exit(0);
}

// WARMUP_S > 0: the services first run WARMUP_S seconds at RATE (reported as `coldStart`), so the
// steady phase measures warm processes (JIT-compiled code, open connections); 0 measures from cold.
const coldStart = WARMUP_S > 0 ? await drive(RATE, WARMUP_S) : undefined;
if (coldStart)
  console.log(`[bench] cold start, first ${WARMUP_S}s at ${RATE}/s: ${JSON.stringify(coldStart)}`);
console.log(`[bench] steady ${RATE} orders/s for ${DURATION_S}s…`);
const steady = await drive(RATE, DURATION_S);
console.log(`[bench] steady: ${JSON.stringify(steady)}`);
const ramp = [];
let sustained = 0;
// Online mode ramps only when asked (STEPS=…): each order is also a sandbox payment.
for (const rate of ONLINE && !process.env.STEPS ? [] : STEPS) {
  console.log(`[bench] ramp step ${rate} orders/s for ${STEP_S}s…`);
  const r = await drive(rate, STEP_S);
  console.log(`[bench]   ${JSON.stringify(r)}`);
  ramp.push(r);
  const kept = r.confirmed === r.orders && r.drainAfterSendMs <= 5_000;
  if (!kept) break;
  sustained = rate;
}
report(ONLINE ? `checkout-${PAYMENT}` : 'checkout', {
  settings: {
    products: PRODUCTS,
    priorOrders: PRIOR_ORDERS,
    payment: PAYMENT,
    steadyRate: RATE,
    steadyDurationS: DURATION_S,
    warmupS: WARMUP_S,
    rampSteps: STEPS,
    stepS: STEP_S,
  },
  ...(coldStart ? { coldStart } : {}),
  steady,
  ramp,
  highestSustainedOrdersPerSecond: sustained,
  targets: { p99Ms: 500, sustainedOrdersPerSecond: 50, met: steady.p99Ms <= 500 && sustained >= 50 },
});
await observer.stop();
await bus.disconnect();
for (const s of Object.values(services)) await s.stop();
await infra.stop();
process.exit(0);
