import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface InfraEndpoints {
  kafkaBrokers: string;
  mongoUrl: string;
  stripeApiBase: string;
  /** Our offline Midtrans (infra/midtrans-sandbox): Snap and Core API on one base. */
  midtransBaseUrl: string;
  midtransServerKey: string;
  /** Mailpit's SMTP (`smtp://host:port`) and its REST API / web UI (`http://host:port`). */
  smtpUrl: string;
  mailpitApi: string;
  /** Which provider answered: env, testcontainers or local. */
  provider: 'env' | 'testcontainers' | 'local';
}

export interface StartedInfra extends InfraEndpoints {
  stop(): Promise<void>;
}

/**
 * Test infrastructure, chosen in this order:
 * 1. environment variables (KAFKA_BROKERS, MONGO_URL, STRIPE_API_BASE), e.g. from `pasar test`;
 * 2. testcontainers, when a container runtime answers;
 * 3. the local stack of real engines (Kafka jars, FerretDB, stripe-mock) on free ports.
 */
export async function startInfra(
  log: (m: string) => void = (m) => console.log(`[testkit] ${m}`),
): Promise<StartedInfra> {
  const { KAFKA_BROKERS, MONGO_URL, STRIPE_API_BASE, MIDTRANS_BASE_URL, MIDTRANS_SERVER_KEY } = process.env;
  const midtrans = midtransFromEnv(MIDTRANS_BASE_URL, MIDTRANS_SERVER_KEY);
  const mail = mailpitFromEnv();
  if (KAFKA_BROKERS && MONGO_URL) {
    return {
      kafkaBrokers: KAFKA_BROKERS,
      mongoUrl: MONGO_URL,
      stripeApiBase: STRIPE_API_BASE ?? 'http://127.0.0.1:12111',
      ...midtrans,
      ...mail,
      provider: 'env',
      stop: async () => {},
    };
  }
  if (process.env.PASAR_TESTCONTAINERS !== '0' && (await containerRuntimeAnswers())) {
    log('container runtime found: starting Kafka, MongoDB and stripe-mock with testcontainers');
    return startWithTestcontainers();
  }
  log('no container runtime: starting the local stack of real engines on free ports');
  const { provisionEngines, startStack } = await import('@pasar/infra');
  await provisionEngines({ log });
  const dataDir = await mkdtemp(join(tmpdir(), 'pasar-test-'));
  const stack = await startStack({ dataDir, ports: 'free', log });
  return {
    kafkaBrokers: stack.kafkaBrokers,
    mongoUrl: stack.mongoUrl,
    stripeApiBase: stack.stripeApiBase,
    midtransBaseUrl: stack.midtransBaseUrl,
    midtransServerKey: midtrans.midtransServerKey,
    smtpUrl: stack.mailpit.smtpUrl,
    mailpitApi: stack.mailpit.apiBase,
    provider: 'local',
    stop: () => stack.stop(),
  };
}

function midtransFromEnv(baseUrl: string | undefined, serverKey: string | undefined) {
  return {
    midtransBaseUrl: baseUrl ?? 'http://127.0.0.1:12113',
    midtransServerKey: serverKey ?? 'SB-Mid-server-pasar-dev',
  };
}

/** The dev stack's Mailpit unless SMTP_URL / MAILPIT_API say otherwise. */
function mailpitFromEnv() {
  return {
    smtpUrl: process.env.SMTP_URL ?? 'smtp://127.0.0.1:1025',
    mailpitApi: process.env.MAILPIT_API ?? 'http://127.0.0.1:8025',
  };
}

async function containerRuntimeAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const probe = getContainerRuntimeClient().then(
      () => true,
      () => false,
    );
    const timeout = new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref());
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  }
}

async function startWithTestcontainers(): Promise<StartedInfra> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');
  const [kafka, mongo, stripe] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.7.1').withKraft().start(),
    new MongoDBContainer('mongo:7.0').start(),
    new GenericContainer('stripe/stripe-mock:latest')
      .withExposedPorts(12111)
      .withWaitStrategy(Wait.forListeningPorts())
      .start(),
  ]);
  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}/?directConnection=true`,
    stripeApiBase: `http://${stripe.getHost()}:${stripe.getMappedPort(12111)}`,
    // No container image of our sandbox: the dev one (npm run stack) or MIDTRANS_BASE_URL.
    ...midtransFromEnv(process.env.MIDTRANS_BASE_URL, process.env.MIDTRANS_SERVER_KEY),
    // No Mailpit container here either: the dev one, or SMTP_URL / MAILPIT_API.
    ...mailpitFromEnv(),
    provider: 'testcontainers',
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop(), stripe.stop()]);
    },
  };
}
