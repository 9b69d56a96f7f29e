/**
 * Bus benchmark: publish→consume latency (p50/p99) and throughput at a steady offered load.
 *   pnpm --filter @pasar/tests bench:bus            (RATE=1000 DURATION_S=30 by default)
 * Two paths are measured on the real broker:
 *  - "bus": producer.send (acks=-1) → startConsumer (zod parse, duplicate check and processed-id
 *    write in the Mongo-wire database, handler) — what every service consumer pays;
 *  - "outbox": a state write with its event in one document → relay → broker → the same consumer.
 * Latency is measured from each event's scheduled send time, so a backlog shows up (no coordinated omission).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { newEvent, ProductPublished } from '@pasar/contracts';
import { SAMPLE_DATA } from '@pasar/contracts/fixtures';
import { Bus, createLogger, on, outboxFields, startConsumer, startOutboxRelay } from '@pasar/events';
import mongoose from 'mongoose';
import { benchInfra } from './lib/infra';
import { percentile, report, round } from './lib/stats';

const RATE = Number(process.env.RATE ?? 1000);
/** The outbox path writes a document per event; FerretDB-SQLite serialises writes, so it is driven slower. */
const OUTBOX_RATE = Number(process.env.OUTBOX_RATE ?? 200);
const DURATION_S = Number(process.env.DURATION_S ?? 30);
const WARMUP_S = 3;
const TICK_MS = 10;

const infra = await benchInfra();
const run = `bench${Date.now().toString(36)}`;
const logger = createLogger('bench', 'warn');
const bus = new Bus({
  brokers: infra.kafkaBrokers.split(','),
  clientId: 'bench',
  topicPrefix: `${run}.`,
  logger,
});
const dbUrl = new URL(infra.mongoUrl);
dbUrl.pathname = `/${run}`;
const conn = await mongoose.createConnection(dbUrl.toString(), { retryWrites: false }).asPromise();

const scheduledAt = new Map<string, number>();
const latencies: { path: string; ms: number; at: number }[] = [];
const consumer = await startConsumer({
  bus,
  groupId: `${run}-consumer`,
  processed: conn.collection('processed_events'),
  subscriptions: [
    on(ProductPublished, async (evt) => {
      const t0 = scheduledAt.get(evt.id);
      if (t0 !== undefined)
        latencies.push({ path: evt.source, ms: performance.now() - t0, at: performance.now() });
    }),
  ],
});
await consumer.ready;

function event(i: number, source: string) {
  const productId = `p${i}`;
  return newEvent(
    ProductPublished,
    productId,
    { ...(SAMPLE_DATA[ProductPublished.type] as object), productId } as never,
    {
      source,
      cooperativeId: 'karangbesuki',
    },
  );
}

interface PathFigures {
  offeredPerSecond: number;
  sent: number;
  received: number;
  lost: number;
  eventsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

async function drive(path: 'bus' | 'outbox', rate: number): Promise<PathFigures> {
  const producer = await bus.producer();
  const coll = conn.collection(`outbox_${path}`);
  const relay = path === 'outbox' ? startOutboxRelay({ bus, collections: [coll] }) : undefined;
  latencies.length = 0;
  const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000));
  const ticks = Math.round(((DURATION_S + WARMUP_S) * 1000) / TICK_MS);
  const start = performance.now();
  const inflight: Promise<unknown>[] = [];
  let sent = 0;
  for (let t = 0; t < ticks; t++) {
    const due = start + t * TICK_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const batch = Array.from({ length: perTick }, () => event(sent++, path));
    for (const e of batch) scheduledAt.set(e.id, due);
    if (path === 'bus') {
      inflight.push(
        producer.send({
          topic: bus.topic(ProductPublished.topic),
          acks: -1,
          messages: batch.map((e) => ({ key: e.subject, value: JSON.stringify(e) })),
        }),
      );
    } else {
      inflight.push(
        coll.insertMany(batch.map((e) => ({ _id: e.id, ...outboxFields([e]) }) as never)).then(() => {
          for (const e of batch) relay?.nudge(coll, e.id);
        }),
      );
    }
  }
  await Promise.all(inflight);
  const deadline = performance.now() + 60_000;
  while (latencies.length < sent && performance.now() < deadline) await sleep(50);
  const elapsedS = (performance.now() - start) / 1000;
  await relay?.stop();
  const warmEnd = start + WARMUP_S * 1000;
  const measured = latencies.filter((l) => l.at >= warmEnd).map((l) => l.ms);
  return {
    offeredPerSecond: rate,
    sent,
    received: latencies.length,
    lost: sent - latencies.length,
    eventsPerSecond: round(latencies.length / elapsedS, 1),
    p50Ms: round(percentile(measured, 50)),
    p90Ms: round(percentile(measured, 90)),
    p99Ms: round(percentile(measured, 99)),
    maxMs: round(Math.max(...measured)),
  };
}

console.log(
  `[bench] bus at ${RATE} events/s, outbox at ${OUTBOX_RATE} events/s, ${DURATION_S}s each (+${WARMUP_S}s warm-up)`,
);
const busFigures = await drive('bus', RATE);
console.log('[bench] bus path done');
const outboxFigures = await drive('outbox', OUTBOX_RATE);
report('bus', {
  settings: {
    rate: RATE,
    outboxRate: OUTBOX_RATE,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
    consumerMaxWaitMs: 20,
    partitions: 3,
  },
  bus: busFigures,
  outbox: outboxFigures,
  target: { p99Ms: 50, met: busFigures.p99Ms <= 50 },
});
await consumer.stop();
await conn.dropDatabase();
await conn.close();
await bus.disconnect();
await infra.stop();
process.exit(0);
