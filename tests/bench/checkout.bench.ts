/**
 * Checkout end to end — POST /orders → order confirmed (catalog reserved the stock, orders confirmed
 * the cash order, event observed on the orders topic) — through the four real services.
 *   pnpm --filter @pasar/tests bench:checkout     (RATE=20 DURATION_S=60 STEPS=5,10,20,50,100,150 STEP_S=15)
 * Phase 1: a steady RATE orders/s for DURATION_S → p50/p99. Phase 2: a ramp of STEP_S seconds per
 * step; "sustained" is the highest step whose orders all confirm within 5 s of the step's end.
 * PASAR_FERRETDB_BACKEND=postgresql runs it on FerretDB's PostgreSQL handler (docs/decisions/0008).
 * Writes tests/bench/results/checkout.json.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { OrderConfirmed, OrderRejected } from '@pasar/contracts';
import { Bus, createLogger, on, startConsumer } from '@pasar/events';
import mongoose from 'mongoose';
import { createAccount, signInTokens } from './lib/accounts';
import { benchInfra } from './lib/infra';
import { ADMIN_TOKEN, dbUrl, post, type RunningService, startService } from './lib/services';
import { percentile, report, round } from './lib/stats';

const RATE = Number(process.env.RATE ?? 20);
const DURATION_S = Number(process.env.DURATION_S ?? 60);
const STEPS = (process.env.STEPS ?? '5,10,20,50,100,150').split(',').map(Number);
const STEP_S = Number(process.env.STEP_S ?? 15);
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

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
const product = await post(
  `${catalog.url}/cooperatives/${coop}/products`,
  {
    sku: 'BENCH-1',
    sellerId: 'mbr_bench',
    name: 'Beras Bench 5 kg',
    description: 'Untuk benchmark.',
    category: 'sembako',
    unit: 'pack',
    price: 62_500,
    maxPerOrder: null,
    stock: 1_000_000,
    status: 'published',
  },
  admin,
);

// Observe outcomes on the orders topic, as any downstream service would.
const logger = createLogger('bench', 'warn');
const bus = new Bus({
  brokers: infra.kafkaBrokers.split(','),
  clientId: 'bench-observer',
  topicPrefix: prefix,
  logger,
});
const conn = await mongoose
  .createConnection(dbUrl(infra.mongoUrl, `${run}_observer`), { retryWrites: false })
  .asPromise();
const placedAt = new Map<string, number>();
const outcomes = new Map<string, { at: number; ok: boolean }>();
const observer = await startConsumer({
  bus,
  groupId: `${run}-observer`,
  processed: conn.collection('processed_events'),
  subscriptions: [
    on(OrderConfirmed, async (e) => void outcomes.set(e.data.orderId, { at: performance.now(), ok: true })),
    on(OrderRejected, async (e) => void outcomes.set(e.data.orderId, { at: performance.now(), ok: false })),
  ],
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
        for (;;) {
          const res = await fetch(`${orders.url}/carts/${cart.id}/lines`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ productId: product.id, quantity: 1 }),
          });
          if (res.ok) break;
          if (res.status !== 404) throw new Error(`add line: ${res.status}`);
          await sleep(200); // product not in orders' read model yet
        }
        return cart.id as string;
      }),
    );
    carts.push(...batch);
  }
  return carts;
}

let phase = 0;
async function drive(rate: number, seconds: number) {
  phase++;
  const carts = await prepareCarts(rate * seconds);
  const ids: string[] = [];
  const start = performance.now();
  const inflight: Promise<void>[] = [];
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
            paymentMethod: 'cash',
          },
          { 'idempotency-key': `${run}-${phase}-${i}` },
        );
        placedAt.set(res.order.id, due);
        ids.push(res.order.id);
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
  return {
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

console.log(`[bench] steady ${RATE} orders/s for ${DURATION_S}s…`);
const steady = await drive(RATE, DURATION_S);
console.log(`[bench] steady: ${JSON.stringify(steady)}`);
const ramp = [];
let sustained = 0;
for (const rate of STEPS) {
  console.log(`[bench] ramp step ${rate} orders/s for ${STEP_S}s…`);
  const r = await drive(rate, STEP_S);
  console.log(`[bench]   ${JSON.stringify(r)}`);
  ramp.push(r);
  const kept = r.confirmed === r.orders && r.drainAfterSendMs <= 5_000;
  if (!kept) break;
  sustained = rate;
}
report('checkout', {
  settings: { steadyRate: RATE, steadyDurationS: DURATION_S, rampSteps: STEPS, stepS: STEP_S },
  steady,
  ramp,
  highestSustainedOrdersPerSecond: sustained,
  targets: { p99Ms: 500, sustainedOrdersPerSecond: 100, met: steady.p99Ms <= 500 && sustained >= 100 },
});
await observer.stop();
await bus.disconnect();
await conn.close();
for (const s of Object.values(services)) await s.stop();
await infra.stop();
process.exit(0);
