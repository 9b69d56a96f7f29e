import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ferretDbPatches, preparePatchedFerretDb } from './ferretdb-build';
import { paths } from './paths';
import { isAlive, runHelper } from './process';

type Log = (msg: string) => void;
type Tool = 'java' | 'mvn' | 'go' | 'patch';

export const STRIPE_MOCK_MODULE = 'github.com/stripe/stripe-mock@v0.203.0';
export const MAILPIT_MODULE = 'github.com/axllent/mailpit@v1.33.1';

const INSTALL_HINT: Record<Tool, string> = {
  java: 'Kafka runs on Java 17+: `apt-get install openjdk-17-jdk-headless maven` (Debian/Ubuntu), `brew install openjdk@17 maven` (macOS), or https://adoptium.net',
  mvn: 'Maven fetches the Kafka jars from Maven Central: `apt-get install maven` (Debian/Ubuntu), `brew install maven` (macOS), or https://maven.apache.org/download.cgi',
  patch:
    'GNU patch applies our FerretDB patches (infra/ferretdb/patches): `apt-get install patch` (Debian/Ubuntu), `brew install gpatch` (macOS)',
  go: 'Go builds FerretDB, stripe-mock and Mailpit: install Go 1.24+ from https://go.dev/dl (or `apt-get install golang-go` if your release ships >= 1.21), then make sure `go` is on PATH',
};

/** Returns the tool's version banner, or undefined when it is not on PATH. */
function probe(tool: string, args: string[]): string | undefined {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return undefined;
  return `${r.stdout ?? ''}${r.stderr ?? ''}`;
}

function checkTools(needed: Set<Tool>): void {
  const problems: string[] = [];
  if (needed.has('java')) {
    const banner = probe('java', ['-version']);
    const major = Number(/version "(?:1\.)?(\d+)/.exec(banner ?? '')?.[1] ?? 0);
    if (banner === undefined) problems.push(`java is not on PATH. ${INSTALL_HINT.java}`);
    else if (major > 0 && major < 11)
      problems.push(`java ${major} is too old for Kafka 3.9. ${INSTALL_HINT.java}`);
  }
  if (needed.has('mvn') && probe('mvn', ['-v']) === undefined)
    problems.push(`mvn is not on PATH. ${INSTALL_HINT.mvn}`);
  if (needed.has('patch') && probe('patch', ['--version']) === undefined)
    problems.push(`patch is not on PATH. ${INSTALL_HINT.patch}`);
  if (needed.has('go')) {
    const banner = probe('go', ['version']);
    const [, maj, min] = /go(\d+)\.(\d+)/.exec(banner ?? '') ?? [];
    if (banner === undefined) problems.push(`go is not on PATH. ${INSTALL_HINT.go}`);
    else if (Number(maj) === 1 && Number(min) < 21)
      problems.push(`${banner.trim()} is too old. ${INSTALL_HINT.go}`);
  }
  if (problems.length > 0) {
    throw new Error(`cannot provision the local stack:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Runs a build command, printing a heartbeat while it works and the output tail if it fails. */
async function run(
  label: string,
  cmd: string,
  args: string[],
  log: Log,
  opts: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 1000);
  const beat = setInterval(() => log(`${label}: still working (${seconds()}s)`), 15_000);
  try {
    const { code, output } = await runHelper(cmd, args, opts);
    if (code !== 0)
      throw new Error(`${label}: \`${cmd} ${args.join(' ')}\` failed (exit ${code}):\n${output}`);
    log(`${label}: done in ${seconds()}s`);
  } finally {
    clearInterval(beat);
  }
}

function hashFiles(files: string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${basename(f)}\0`).update(readFileSync(f));
  return h.digest('hex').slice(0, 16);
}

/** True when `artifact` exists and its stamp matches (an artifact without a stamp is adopted as is). */
function upToDate(artifact: string, stampFile: string, stamp: string): boolean {
  if (!existsSync(artifact)) return false;
  if (!existsSync(stampFile)) {
    writeFileSync(stampFile, stamp);
    return true;
  }
  return readFileSync(stampFile, 'utf8').trim() === stamp;
}

function tempName(target: string): string {
  return `${target}.tmp-${process.pid}-${Date.now()}`;
}

/** Moves a finished build into place; another process finishing first is fine. */
function install(tmp: string, target: string, stampFile: string, stamp: string): void {
  if (existsSync(target)) rmSync(target, { recursive: true, force: true });
  try {
    renameSync(tmp, target);
  } catch (err) {
    if (!existsSync(target)) throw err;
    rmSync(tmp, { recursive: true, force: true });
  }
  writeFileSync(stampFile, stamp);
}

interface Provisioner {
  /** True when the artifact exists and matches its inputs. */
  fresh(): boolean;
  tools: Tool[];
  build(log: Log): Promise<void>;
}

const kafka: Provisioner = {
  fresh() {
    const libs = paths.kafkaLibs();
    const hasJars = existsSync(libs) && readdirSync(libs).some((f) => f.startsWith('kafka_2.13-'));
    return hasJars && upToDate(libs, `${libs}.stamp`, hashFiles([paths.kafkaPom()]));
  },
  tools: ['java', 'mvn'],
  async build(log) {
    const libs = paths.kafkaLibs();
    mkdirSync(dirname(libs), { recursive: true });
    const tmp = tempName(libs);
    log('Kafka: fetching the broker jars from Maven Central with mvn (cached in ~/.m2; first time ~20-60s)');
    const stamp = hashFiles([paths.kafkaPom()]);
    try {
      const args = ['-q', '-B', '-f', paths.kafkaPom(), 'dependency:copy-dependencies'];
      await run(
        'Kafka jars',
        'mvn',
        [...args, `-DoutputDirectory=${tmp}`, '-DincludeScope=runtime'],
        log,
        {},
      );
      install(tmp, libs, `${libs}.stamp`, stamp);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};

/** Every Go source of the launcher, go.mod/go.sum and the FerretDB patches: any change rebuilds. */
const ferretDbInputs = () => [
  ...readdirSync(paths.ferretDbSource())
    .filter((f) => f === 'go.mod' || f === 'go.sum' || (f.endsWith('.go') && !f.endsWith('_test.go')))
    .sort()
    .map((f) => join(paths.ferretDbSource(), f)),
  ...ferretDbPatches(),
];

const ferretDb: Provisioner = {
  fresh: () =>
    upToDate(paths.ferretDbBinary(), `${paths.ferretDbBinary()}.stamp`, hashFiles(ferretDbInputs())),
  tools: ['go', 'patch'],
  async build(log) {
    const bin = paths.ferretDbBinary();
    mkdirSync(dirname(bin), { recursive: true });
    const tmp = tempName(bin);
    const stamp = hashFiles(ferretDbInputs()); // of the sources this build sees
    try {
      // FerretDB with our patches (patches/*.patch): a patched module copy and a generated go.mod.
      const modfile = await preparePatchedFerretDb(log);
      log('FerretDB: building pasar-ferretdb with go (first time ~1-2 min, then cached)');
      // Otherwise plain flags on purpose: the build shares Go's cache with anyone else building it.
      await run('FerretDB', 'go', ['build', `-modfile=${modfile}`, '-o', tmp, '.'], log, {
        cwd: paths.ferretDbSource(),
      });
      install(tmp, bin, `${bin}.stamp`, stamp);
    } finally {
      rmSync(tmp, { force: true });
    }
  },
};

const stripeMock: Provisioner = {
  fresh: () => upToDate(paths.stripeMockBinary(), `${paths.stripeMockBinary()}.stamp`, STRIPE_MOCK_MODULE),
  tools: ['go'],
  async build(log) {
    const bin = paths.stripeMockBinary();
    const tmpDir = tempName(bin);
    mkdirSync(tmpDir, { recursive: true });
    log(`stripe-mock: go install ${STRIPE_MOCK_MODULE} (first time ~30-60s, then cached)`);
    try {
      await run('stripe-mock', 'go', ['install', STRIPE_MOCK_MODULE], log, {
        env: { GOBIN: tmpDir },
      });
      install(join(tmpDir, 'stripe-mock'), bin, `${bin}.stamp`, STRIPE_MOCK_MODULE);
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  },
};

const mailpit: Provisioner = {
  fresh: () => upToDate(paths.mailpitBinary(), `${paths.mailpitBinary()}.stamp`, MAILPIT_MODULE),
  tools: ['go'],
  async build(log) {
    const bin = paths.mailpitBinary();
    const tmpDir = tempName(bin);
    mkdirSync(tmpDir, { recursive: true });
    log(`Mailpit: go install ${MAILPIT_MODULE} (first time ~1-2 min, then cached)`);
    try {
      await run('Mailpit', 'go', ['install', MAILPIT_MODULE], log, { env: { GOBIN: tmpDir } });
      install(join(tmpDir, 'mailpit'), bin, `${bin}.stamp`, MAILPIT_MODULE);
    } finally {
      rmSync(tmpDir, { recursive: true, force: true });
    }
  },
};

/** Removes `<name>.tmp-<pid>-<time>` leftovers of builds whose process is gone (e.g. Ctrl-C mid-build). */
function removeStaleTemps(): void {
  for (const dir of [paths.bin(), dirname(paths.kafkaLibs())]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      const pid = Number(/\.tmp-(\d+)-\d+$/.exec(name)?.[1] ?? 0);
      if (pid > 0 && !isAlive(pid)) rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * Makes sure the Kafka jars, pasar-ferretdb, stripe-mock and Mailpit exist under .pasar/ (or $PASAR_HOME).
 * Idempotent: skips what is already there (and current); builds what is missing, in parallel.
 */
export async function provisionEngines(opts: { log?: (msg: string) => void } = {}): Promise<void> {
  const log = opts.log ?? (() => {});
  removeStaleTemps();
  const stale = [kafka, ferretDb, stripeMock, mailpit].filter((p) => !p.fresh());
  // java is needed to run Kafka even when nothing has to be built.
  checkTools(new Set<Tool>(['java', ...stale.flatMap((p) => p.tools)]));
  const results = await Promise.allSettled(stale.map((p) => p.build(log)));
  const errors = results.flatMap((r) =>
    r.status === 'rejected' ? [String(r.reason?.message ?? r.reason)] : [],
  );
  if (errors.length > 0) throw new Error(`provisioning failed:\n${errors.join('\n\n')}`);
}
