import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provisionEngines, startStack } from '@pasar/infra';

export interface BenchInfra {
  kafkaBrokers: string;
  mongoUrl: string;
  stripeApiBase: string;
  /** Our offline Midtrans (infra/midtrans-sandbox) and its server key. */
  midtransBaseUrl: string;
  midtransServerKey: string;
  /** Engine processes started by the benchmark (none when env vars named running engines). */
  pids: { kafka?: () => number | undefined; ferretdb?: () => number | undefined };
  stop(): Promise<void>;
}

/** Engines for a benchmark: the ones named by env vars, or a fresh local stack on free ports. */
export async function benchInfra(): Promise<BenchInfra> {
  const { KAFKA_BROKERS, MONGO_URL, STRIPE_API_BASE, MIDTRANS_BASE_URL, MIDTRANS_SERVER_KEY } = process.env;
  if (KAFKA_BROKERS && MONGO_URL) {
    return {
      kafkaBrokers: KAFKA_BROKERS,
      mongoUrl: MONGO_URL,
      stripeApiBase: STRIPE_API_BASE ?? 'http://127.0.0.1:12111',
      midtransBaseUrl: MIDTRANS_BASE_URL ?? 'http://127.0.0.1:12113',
      midtransServerKey: MIDTRANS_SERVER_KEY ?? 'SB-Mid-server-pasar-dev',
      pids: {},
      stop: async () => {},
    };
  }
  const log = (m: string) => console.log(`[bench] ${m}`);
  await provisionEngines({ log });
  const stack = await startStack({
    dataDir: await mkdtemp(join(tmpdir(), 'pasar-bench-')),
    ports: 'free',
    log,
  });
  return {
    kafkaBrokers: stack.kafkaBrokers,
    mongoUrl: stack.mongoUrl,
    stripeApiBase: stack.stripeApiBase,
    midtransBaseUrl: stack.midtransBaseUrl,
    midtransServerKey: stack.midtransSandbox.serverKey,
    pids: { kafka: () => stack.kafka.pid(), ferretdb: () => stack.ferretDb.pid() },
    stop: () => stack.stop(),
  };
}
