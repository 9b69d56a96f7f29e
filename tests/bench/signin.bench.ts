/**
 * Sign-in latency with argon2id at the chosen cost, through membership's HTTP API.
 *   pnpm --filter @pasar/tests bench:signin      (SEQUENTIAL=50 CONCURRENT_TOTAL=100 CONCURRENCY=10)
 * Starts membership against the local stack (or KAFKA_BROKERS/MONGO_URL), creates one account with
 * the operator command, then measures N sequential sign-ins and CONCURRENT_TOTAL sign-ins 10 at a
 * time (each POST /auth/sign-in → 200). Prints p50/p99 and writes tests/bench/results/signin.json,
 * with the argon2id parameters read back from the stored hash.
 */
import mongoose from 'mongoose';
import { createAccount } from './lib/accounts';
import { benchInfra } from './lib/infra';
import { dbUrl, startService } from './lib/services';
import { percentile, report, round } from './lib/stats';

const SEQUENTIAL = Number(process.env.SEQUENTIAL ?? 50);
const CONCURRENT_TOTAL = Number(process.env.CONCURRENT_TOTAL ?? 100);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 10);
const PHONE = '081100008888';
const PASSWORD = 'bench-sign-in-2026';

const infra = await benchInfra();
const run = `benchsi${Date.now().toString(36)}`;
const mongoUrl = dbUrl(infra.mongoUrl, `${run}_membership`);
const membership = await startService('membership', {
  KAFKA_BROKERS: infra.kafkaBrokers,
  KAFKA_TOPIC_PREFIX: `${run}.`,
  MONGO_URL: mongoUrl,
});
createAccount(mongoUrl, { command: 'create-dinas', name: 'Bench', phone: PHONE, password: PASSWORD });

const conn = await mongoose.createConnection(mongoUrl).asPromise();
const stored = (await conn.collection('people').findOne({ phone: '+6281100008888' }))?.passwordHash as string;
await conn.close();
const params = /^\$(argon2id)\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored ?? '');

async function signInOnce(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${membership.url}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: PHONE, password: PASSWORD }),
  });
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return ms;
}

const figures = (samples: number[], wallMs: number) => ({
  count: samples.length,
  p50Ms: round(percentile(samples, 50), 1),
  p99Ms: round(percentile(samples, 99), 1),
  maxMs: round(Math.max(...samples), 1),
  signInsPerSecond: round(samples.length / (wallMs / 1000), 1),
});

await signInOnce(); // warm-up: JIT, connection pool, the dummy hash
const seq: number[] = [];
const seqStart = performance.now();
for (let i = 0; i < SEQUENTIAL; i++) seq.push(await signInOnce());
const sequential = figures(seq, performance.now() - seqStart);
console.log(`[bench] sequential: ${JSON.stringify(sequential)}`);

const conc: number[] = [];
let next = 0;
const concStart = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < CONCURRENT_TOTAL) conc.push(await signInOnce());
  }),
);
const concurrent = figures(conc, performance.now() - concStart);
console.log(`[bench] ${CONCURRENCY} concurrent: ${JSON.stringify(concurrent)}`);

report('signin', {
  settings: {
    sequential: SEQUENTIAL,
    concurrentTotal: CONCURRENT_TOTAL,
    concurrency: CONCURRENCY,
    argon2: params
      ? {
          algorithm: params[1],
          version: Number(params[2]),
          memoryKiB: Number(params[3]),
          t: Number(params[4]),
          p: Number(params[5]),
        }
      : 'unknown',
  },
  sequential,
  concurrent,
});
await membership.stop();
await infra.stop();
process.exit(0);
