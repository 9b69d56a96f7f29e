/**
 * `npm test` → infra/bin/pasar test → here. Runs the Go suite of infra/ferretdb, then starts ONE
 * local stack on free ports, hands it to every suite through KAFKA_BROKERS / MONGO_URL /
 * STRIPE_API_BASE / MIDTRANS_BASE_URL / MIDTRANS_SERVER_KEY / SMTP_URL / MAILPIT_API, runs every package's vitest suite (two at a time), then the cross-service suites (e2e, chaos, browser, api; two at a time), stops the stack and prints
 * one closing line: "Tests: N passed, N failed".
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGoSuite } from './go-test';
import { paths } from './paths';
import { startStack } from './stack';
import { failuresOf, type VitestReport } from './vitest-report';

const root = paths.root();
const log = (m: string) => console.log(`[test] ${m}`);
const only = process.argv.slice(2); // optional filter: package dirs or suite names

const UNIT_AND_INTEGRATION = [
  'packages/contracts',
  'packages/service-kit',
  'packages/demo-data',
  'packages/events',
  'infra/stack',
  'infra/midtrans-sandbox',
  'services/catalog',
  'services/orders',
  'services/payments',
  'services/membership',
  'services/ledger',
  'web',
];
// Longest first, so the pool of two ends close together: e2e beside chaos, then api and browser.
const CROSS_SERVICE = ['e2e', 'chaos', 'browser', 'api'];
const GO_SUITE = 'infra/ferretdb';

interface Result {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  code: number | null;
  seconds: number;
  /** "file › test: first line of the error", so the closing summary says what failed. */
  failures?: string[];
}

function runVitest(
  name: string,
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  out: string,
): Promise<Result> {
  const started = Date.now();
  const json = join(out, `${name.replaceAll('/', '_')}.json`);
  return new Promise((resolve) => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'vitest'),
      ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`],
      { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffered = '';
    child.stdout.on('data', (d) => {
      buffered += d;
    });
    child.stderr.on('data', (d) => {
      buffered += d;
    });
    child.on('close', (code) => {
      // Print each suite's output in one piece so two suites running at once do not interleave.
      process.stdout.write(`\n──── ${name} ────\n${buffered}`);
      const r: Result = {
        name,
        passed: 0,
        failed: 0,
        skipped: 0,
        code,
        seconds: Math.round((Date.now() - started) / 1000),
      };
      if (existsSync(json)) {
        const report = JSON.parse(readFileSync(json, 'utf8')) as VitestReport;
        r.passed = report.numPassedTests;
        r.failed = report.numFailedTests;
        r.skipped = report.numPendingTests + report.numTodoTests;
        r.failures = failuresOf(report, cwd);
      }
      if (code !== 0 && r.failed === 0) r.failed = 1; // crashed before reporting: count it as a failure
      resolve(r);
    });
  });
}

async function pool<T, R>(items: T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

const started = Date.now();
const results: Result[] = [];
// The Go suite of infra/ferretdb (launcher, write gate, pushdown patch) starts its own in-process
// FerretDB, so it runs first, before the stack takes the machine's cores.
if (only.length === 0 || only.includes(GO_SUITE)) {
  log(`running the ${GO_SUITE} Go suite (go test against the patched FerretDB module)…`);
  const t0 = Date.now();
  try {
    const { output, ...counts } = await runGoSuite({ log });
    process.stdout.write(`\n──── ${GO_SUITE} ────\n${output}`);
    results.push({ name: GO_SUITE, ...counts, seconds: Math.round((Date.now() - t0) / 1000) });
  } catch (err) {
    console.log(`\n──── ${GO_SUITE} ────\n${err instanceof Error ? err.message : String(err)}`);
    results.push({ name: GO_SUITE, passed: 0, failed: 1, skipped: 0, code: 1, seconds: 0 });
  }
}
const dataDir = mkdtempSync(join(tmpdir(), 'pasar-test-stack-'));
const reports = mkdtempSync(join(tmpdir(), 'pasar-test-reports-'));
log('starting the local stack (Kafka, FerretDB, stripe-mock, midtrans-sandbox, Mailpit) on free ports…');
const stack = await startStack({ dataDir, ports: 'free', log });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  KAFKA_BROKERS: stack.kafkaBrokers,
  MONGO_URL: stack.mongoUrl,
  STRIPE_API_BASE: stack.stripeApiBase,
  MIDTRANS_BASE_URL: stack.midtransBaseUrl,
  MIDTRANS_SERVER_KEY: stack.midtransSandbox.serverKey,
  SMTP_URL: stack.mailpit.smtpUrl,
  MAILPIT_API: stack.mailpit.apiBase,
  NODE_ENV: 'test',
};
log(
  `stack up: KAFKA_BROKERS=${stack.kafkaBrokers} MONGO_URL=${stack.mongoUrl} STRIPE_API_BASE=${stack.stripeApiBase} ` +
    `MIDTRANS_BASE_URL=${stack.midtransBaseUrl} SMTP_URL=${stack.mailpit.smtpUrl} MAILPIT_API=${stack.mailpit.apiBase}`,
);

const stop = async () => {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('SIGINT', () => void stop().then(() => process.exit(130)));
process.on('SIGTERM', () => void stop().then(() => process.exit(143)));
try {
  const packages = UNIT_AND_INTEGRATION.filter((p) => only.length === 0 || only.includes(p));
  log(`running ${packages.length} package suites, two at a time…`);
  results.push(...(await pool(packages, 2, (p) => runVitest(p, join(root, p), [], env, reports))));
  // Each cross-service file starts a market of its own (topic prefix, databases, ports), so two
  // suites can run side by side; most of their time is spent waiting on the services, not on CPU.
  const suites = CROSS_SERVICE.filter((s) => only.length === 0 || only.includes(s));
  log(`running the ${suites.join(', ')} suites, two at a time…`);
  results.push(
    ...(await pool(suites, 2, (suite) =>
      runVitest(`tests:${suite}`, join(root, 'tests'), ['--project', suite], env, reports),
    )),
  );
} finally {
  await stop();
}

console.log('\n──── summary ────');
for (const r of results) {
  const mark = r.code === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${mark} ${r.name.padEnd(22)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds}s`,
  );
  for (const f of r.failures ?? []) console.log(`       ✗ ${f}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`[test] finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
