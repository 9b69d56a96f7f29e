// Local stack launcher: `tsx infra/stack/src/cli.ts provision | up [--data DIR] [--free-ports] [--json-file F]`.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIDTRANS_CLIENT_KEY } from './midtrans-sandbox';
import { paths } from './paths';
import { killAllSync } from './process';
import { provisionEngines } from './provision';
import { type Stack, stackEnv, startStack } from './stack';

const log = (msg: string) => console.log(`[stack] ${msg}`);

let stopStack: () => Promise<void> = async () => {};
let shuttingDown = false;

/** Stops what runs (engines gracefully, build helpers at once) and exits; a second signal kills now. */
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) {
    killAllSync();
    process.exit(code);
  }
  shuttingDown = true;
  try {
    await stopStack();
  } finally {
    killAllSync();
    process.exit(code);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0)); // a requested stop is a success (no npm ELIFECYCLE noise)
}

const USAGE = `usage: cli.ts <command>
  provision                         fetch/build Kafka jars, FerretDB, stripe-mock and Mailpit into .pasar/ (idempotent)
  up [--data DIR] [--free-ports] [--json-file F]
                                    provision, start Kafka + FerretDB + stripe-mock + the Midtrans sandbox
                                    + Mailpit, run until Ctrl-C (default data dir .pasar/data; fixed ports
                                    9092/9093, 27017, 12111, 12113, SMTP 1025 / mail UI 8025; --json-file
                                    writes {KAFKA_BROKERS, MONGO_URL, STRIPE_API_BASE, MIDTRANS_BASE_URL,
                                    MIDTRANS_SERVER_KEY, SMTP_URL, MAILPIT_API} once ready)`;

async function provision(): Promise<void> {
  const started = Date.now();
  await provisionEngines({ log });
  log(`engines ready in ${((Date.now() - started) / 1000).toFixed(1)}s (${paths.home()})`);
}

async function up(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, 'free-ports': { type: 'boolean' }, 'json-file': { type: 'string' } },
  });
  const dataDir = resolve(values.data ?? paths.devData());
  let stack: Stack | undefined;
  stopStack = async () => {
    log('stopping…');
    await stack?.stop();
    log('stopped');
  };

  await provisionEngines({ log });
  stack = await startStack({ dataDir, ports: values['free-ports'] ? 'free' : 'fixed', log });
  const env = stackEnv(stack);
  log(`Kafka      ${stack.kafkaBrokers}`);
  log(`MongoDB    ${stack.mongoUrl}   (FerretDB)`);
  log(`Stripe API ${stack.stripeApiBase}   (stripe-mock, key sk_test_123)`);
  log(
    `Midtrans   ${stack.midtransBaseUrl}   (midtrans-sandbox, server key ${stack.midtransSandbox.serverKey}, ` +
      `client key ${MIDTRANS_CLIENT_KEY}; transactions: ${stack.midtransBaseUrl}/_sandbox/transactions)`,
  );
  log(
    `Mail       ${stack.mailpit.smtpUrl}   (Mailpit; every mail sent shows in the web UI ${stack.mailpit.apiBase})`,
  );
  log(`data and logs in ${dataDir}`);
  if (values['json-file']) writeFileSync(values['json-file'], `${JSON.stringify(env, null, 2)}\n`);
  console.log(
    Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
  );
  log('running; press Ctrl-C to stop');

  const engines = {
    Kafka: stack.kafka,
    FerretDB: stack.ferretDb,
    'stripe-mock': stack.stripeMock,
    'midtrans-sandbox': stack.midtransSandbox,
    Mailpit: stack.mailpit,
  };
  setInterval(() => {
    if (shuttingDown) return;
    for (const [name, handle] of Object.entries(engines)) {
      if (handle.pid() === undefined) {
        log(`${name} exited unexpectedly; see its log in ${dataDir}. Shutting the stack down.`);
        void shutdown(1);
        return;
      }
    }
  }, 1000);
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  switch (command) {
    case 'provision':
      return provision();
    case 'up':
      return up(rest);
    default:
      console.error(USAGE);
      process.exit(command === undefined || command === 'help' || command === '--help' ? 0 : 2);
  }
}

main().catch((err: unknown) => {
  console.error(`[stack] ${err instanceof Error ? err.message : String(err)}`);
  killAllSync();
  process.exit(1);
});
