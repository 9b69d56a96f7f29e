import { join, resolve } from 'node:path';
import { ferretDbFiles, startFerretDb } from './ferretdb';
import { kafkaFiles, startKafka } from './kafka';
import { type MailpitHandle, mailpitFiles, startMailpit } from './mailpit';
import { MIDTRANS_SERVER_KEY, midtransSandboxFiles, startMidtransSandbox } from './midtrans-sandbox';
import { startPostgres } from './postgres';
import { assertPortFree, freePorts } from './ports';
import { killStale } from './process';
import { provisionEngines } from './provision';
import { startStripeMock, stripeMockFiles } from './stripe-mock';
import type { EngineHandle, KafkaHandle, Log } from './types';

/**
 * FerretDB on SQLite (the default, as the foundation issue asks), or with PASAR_FERRETDB_BACKEND=postgresql
 * on a PostgreSQL cluster of its own, which pushes filters down to SQL (docs/decisions/0008).
 */
async function startMongoWire(
  dataDir: string,
  port: number,
  log?: Log,
): Promise<EngineHandle & { url: string }> {
  const backend = process.env.PASAR_FERRETDB_BACKEND ?? 'sqlite';
  if (backend === 'sqlite') return startFerretDb({ dataDir, port, log });
  if (backend !== 'postgresql')
    throw new Error(`PASAR_FERRETDB_BACKEND must be sqlite or postgresql, not "${backend}"`);
  const pg = await startPostgres({ dataDir: join(dataDir, 'postgres'), log });
  try {
    const ferret = await startFerretDb({ dataDir, port, log, postgresqlUrl: pg.url });
    return {
      url: ferret.url,
      pid: ferret.pid,
      stop: async () => {
        await ferret.stop();
        await pg.stop();
      },
      kill: async () => {
        await ferret.kill();
        await pg.kill();
      },
    };
  } catch (err) {
    await pg.stop();
    throw err;
  }
}

/** The documented dev ports used by `pnpm stack` / `npm start`. */
export const DEV_PORTS = {
  kafka: 9092,
  kafkaController: 9093,
  ferretDb: 27017,
  stripeMock: 12111,
  midtransSandbox: 12113,
  mailpitSmtp: 1025,
  mailpitHttp: 8025,
} as const;

export interface Stack {
  kafkaBrokers: string;
  mongoUrl: string;
  stripeApiBase: string;
  /** Our offline Midtrans (Snap under /snap/v1, Core API under /v2, control API under /_sandbox). */
  midtransBaseUrl: string;
  kafka: KafkaHandle;
  ferretDb: EngineHandle & { url: string };
  stripeMock: EngineHandle & { apiBase: string };
  midtransSandbox: EngineHandle & { baseUrl: string; serverKey: string };
  /** Local SMTP that keeps every mail (web UI and REST API on `mailpit.apiBase`). */
  mailpit: MailpitHandle;
  /** Stops all engines (in parallel); never leaves a process running. */
  stop(): Promise<void>;
}

/** The environment variables services and tests read. */
export function stackEnv(stack: Stack): {
  KAFKA_BROKERS: string;
  MONGO_URL: string;
  STRIPE_API_BASE: string;
  MIDTRANS_BASE_URL: string;
  MIDTRANS_SERVER_KEY: string;
  SMTP_URL: string;
  MAILPIT_API: string;
} {
  return {
    KAFKA_BROKERS: stack.kafkaBrokers,
    MONGO_URL: stack.mongoUrl,
    STRIPE_API_BASE: stack.stripeApiBase,
    MIDTRANS_BASE_URL: stack.midtransBaseUrl,
    MIDTRANS_SERVER_KEY: stack.midtransSandbox.serverKey,
    SMTP_URL: stack.mailpit.smtpUrl,
    MAILPIT_API: stack.mailpit.apiBase,
  };
}

/**
 * Provisions (cheap when cached) and starts Kafka, FerretDB, stripe-mock, the Midtrans sandbox and
 * Mailpit in parallel, with data and logs in `<dataDir>/{kafka,ferretdb,stripe-mock,midtrans-sandbox,mailpit}`. `fixed` uses DEV_PORTS; `free` picks random free
 * ports so tests never collide with a running dev stack. If one engine fails the others are stopped.
 */
export async function startStack(opts: {
  dataDir: string;
  ports: 'fixed' | 'free';
  log?: Log;
}): Promise<Stack> {
  const log = opts.log;
  await provisionEngines({ log: log ?? (() => {}) });
  const dataDir = resolve(opts.dataDir);
  const [kafka, kafkaController, ferretDb, stripeMock, midtrans, smtp, mailUi] =
    opts.ports === 'fixed'
      ? [
          DEV_PORTS.kafka,
          DEV_PORTS.kafkaController,
          DEV_PORTS.ferretDb,
          DEV_PORTS.stripeMock,
          DEV_PORTS.midtransSandbox,
          DEV_PORTS.mailpitSmtp,
          DEV_PORTS.mailpitHttp,
        ]
      : ((await freePorts(7)) as [number, number, number, number, number, number, number]);

  const dirs = {
    kafka: join(dataDir, 'kafka'),
    ferretDb: join(dataDir, 'ferretdb'),
    stripe: join(dataDir, 'stripe-mock'),
    midtrans: join(dataDir, 'midtrans-sandbox'),
    mailpit: join(dataDir, 'mailpit'),
  };
  if (opts.ports === 'fixed') {
    // Leftovers of an earlier run of this data dir go first (they hold the ports); then fail before
    // starting anything when a dev port is still taken (typically: another stack is running).
    for (const files of [
      kafkaFiles(dirs.kafka),
      ferretDbFiles(dirs.ferretDb),
      stripeMockFiles(dirs.stripe),
      midtransSandboxFiles(dirs.midtrans),
      mailpitFiles(dirs.mailpit),
    ]) {
      await killStale(files.pidFile, files.marker, log);
    }
    await assertPortFree(kafka, 'Kafka');
    await assertPortFree(kafkaController, 'Kafka controller');
    await assertPortFree(ferretDb, 'FerretDB');
    await assertPortFree(stripeMock, 'stripe-mock');
    await assertPortFree(midtrans, 'midtrans-sandbox');
    await assertPortFree(smtp, 'Mailpit SMTP');
    await assertPortFree(mailUi, 'Mailpit HTTP');
  }
  const started = await Promise.allSettled([
    startKafka({ dataDir: dirs.kafka, port: kafka, controllerPort: kafkaController, log }),
    startMongoWire(dirs.ferretDb, ferretDb, log),
    startStripeMock({ dataDir: dirs.stripe, port: stripeMock, log }),
    startMidtransSandbox({ dataDir: dirs.midtrans, port: midtrans, log, serverKey: MIDTRANS_SERVER_KEY }),
    startMailpit({ dataDir: dirs.mailpit, smtpPort: smtp, httpPort: mailUi, log }),
  ]);
  const [k, f, s, m, p] = started;
  if (
    k.status === 'rejected' ||
    f.status === 'rejected' ||
    s.status === 'rejected' ||
    m.status === 'rejected' ||
    p.status === 'rejected'
  ) {
    await Promise.all(started.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
    const reasons = started.flatMap((r) =>
      r.status === 'rejected' ? [String(r.reason?.message ?? r.reason)] : [],
    );
    throw new Error(`the local stack did not start:\n${reasons.join('\n\n')}`);
  }
  return {
    kafkaBrokers: k.value.brokers,
    mongoUrl: f.value.url,
    stripeApiBase: s.value.apiBase,
    midtransBaseUrl: m.value.baseUrl,
    kafka: k.value,
    ferretDb: f.value,
    stripeMock: s.value,
    midtransSandbox: m.value,
    mailpit: p.value,
    async stop() {
      await Promise.all([k.value.stop(), f.value.stop(), s.value.stop(), m.value.stop(), p.value.stop()]);
    },
  };
}
