/**
 * The Go suite of infra/ferretdb (launcher, write gate, FerretDB pushdown patch), run against the
 * patched FerretDB module: `go test -modfile=<generated go.mod>`. Used by run-tests.ts (`npm test`)
 * and on its own: `pnpm --filter @pasar/infra test:go [go test flags]`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { preparePatchedFerretDb } from './ferretdb-build';
import { paths } from './paths';

export interface GoSuiteResult {
  passed: number;
  failed: number;
  skipped: number;
  code: number | null;
  output: string;
}

interface TestEvent {
  Action: string;
  Package?: string;
  Test?: string;
  Output?: string;
}

/**
 * Packages of the patched FerretDB module whose own tests run too: upstream's tests of the code a
 * patch changes, plus the patches' tests beside them (patches/sjson-scalar-fast-paths.patch, sjson-split-in-one-pass.patch).
 */
const PATCHED_PACKAGES_TESTED = ['github.com/FerretDB/FerretDB/internal/handler/sjson'];

/**
 * The patched SQLite driver's package: only the patch's own tests run (`^TestPasar`), since
 * upstream's suite for it takes many minutes (patches/modernc.org+sqlite/stmt-cache.patch).
 */
const PATCHED_DRIVER_PACKAGE = 'modernc.org/sqlite';

/** Runs `go test -json` in infra/ferretdb and counts the tests (subtests included) by outcome. */
export async function runGoSuite(
  opts: { log?: (m: string) => void; args?: string[] } = {},
): Promise<GoSuiteResult> {
  const modfile = await preparePatchedFerretDb(opts.log);
  const base = ['test', `-modfile=${modfile}`, '-json', '-count=1'];
  const r = await goTestJson([...base, ...(opts.args ?? []), './...', ...PATCHED_PACKAGES_TESTED]);
  if (opts.args?.length) return r; // a chosen test or benchmark: only that
  const driver = await goTestJson([...base, '-run', '^TestPasar', PATCHED_DRIVER_PACKAGE]);
  return {
    passed: r.passed + driver.passed,
    failed: r.failed + driver.failed,
    skipped: r.skipped + driver.skipped,
    code: r.code !== 0 ? r.code : driver.code,
    output: r.output + driver.output,
  };
}

function goTestJson(args: string[]): Promise<GoSuiteResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('go', args, { cwd: paths.ferretDbSource(), stdio: ['ignore', 'pipe', 'pipe'] });
    const r: GoSuiteResult = { passed: 0, failed: 0, skipped: 0, code: null, output: '' };
    let pending = '';
    const perTest = new Map<string, string>();
    const onLine = (line: string) => {
      if (!line.trim()) return;
      let ev: TestEvent;
      try {
        ev = JSON.parse(line) as TestEvent;
      } catch {
        r.output += `${line}\n`; // build errors come as plain text
        return;
      }
      if (!ev.Test) {
        // package-level lines: "ok  …", "FAIL …", build failures, panics outside a test
        if (ev.Action === 'output' && ev.Output && !ev.Output.startsWith('=== ')) r.output += ev.Output;
        return;
      }
      // a test's own output is shown only when it fails; benchmark results always
      const key = `${ev.Package} ${ev.Test}`;
      if (ev.Action === 'output' && ev.Output) {
        perTest.set(key, (perTest.get(key) ?? '') + ev.Output);
        // a benchmark result line may come in two events (name, then figures): print it when complete
        if (ev.Test.startsWith('Benchmark') && ev.Output.includes('ns/op')) {
          r.output += `${(perTest.get(key) ?? '').trimEnd().split('\n').pop()}\n`;
          perTest.delete(key);
        }
      }
      if (ev.Action === 'pass') r.passed++;
      else if (ev.Action === 'skip') r.skipped++;
      else if (ev.Action === 'fail') {
        r.failed++;
        r.output += perTest.get(key) ?? `--- FAIL: ${ev.Test}\n`;
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) onLine(l);
    });
    child.stderr.on('data', (d: Buffer) => {
      r.output += d.toString();
    });
    child.once('error', (err) => reject(new Error(`cannot run go: ${err.message}`)));
    child.once('close', (code) => {
      onLine(pending);
      r.code = code;
      if (code !== 0 && r.failed === 0) r.failed = 1; // did not build: count it as a failure
      resolve(r);
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const r = await runGoSuite({ log: (m) => console.log(`[go-test] ${m}`), args: process.argv.slice(2) });
  process.stdout.write(r.output);
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  console.log(
    `[go-test] infra/ferretdb: ${r.passed} passed, ${r.failed} failed${skipped} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  process.exit(r.code === 0 && r.failed === 0 ? 0 : 1);
}
