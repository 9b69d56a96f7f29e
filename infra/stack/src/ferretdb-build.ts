/**
 * The launcher in infra/ferretdb builds against a patched copy of the FerretDB module: Go downloads
 * the pinned version into its module cache, we copy it under $PASAR_HOME/build, apply
 * infra/ferretdb/patches/*.patch with `patch -p1` (failing loudly if a hunk does not apply) and
 * write a go.mod beside it with a `replace` pointing at the copy. `go build -modfile=<that>` and
 * `go test -modfile=<that>` then use the patched sources; the committed go.mod stays untouched.
 * See docs/decisions/0009-ferretdb-pushdown-patch.md.
 */
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { paths } from './paths';
import { runHelper } from './process';

type Log = (msg: string) => void;

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
/** FerretDB's SQLite driver: patched too (patches/modernc.org+sqlite), replaced the same way. */
export const SQLITE_MODULE = 'modernc.org/sqlite';

/** The launcher's patches to FerretDB, in the order they are applied. */
export function ferretDbPatches(): string[] {
  return patchesIn(join(paths.ferretDbSource(), 'patches'));
}

/** The launcher's patches to the SQLite driver, in the order they are applied. */
export function sqlitePatches(): string[] {
  return patchesIn(join(paths.ferretDbSource(), 'patches', 'modernc.org+sqlite'));
}

function patchesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.patch'))
    .sort()
    .map((f) => join(dir, f));
}

/** The version of `module` the launcher's go.mod requires. */
function requiredVersion(module: string): string {
  const gomod = readFileSync(join(paths.ferretDbSource(), 'go.mod'), 'utf8');
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const version = new RegExp(`${escaped}\\s+(v\\S+)`).exec(gomod)?.[1];
  if (!version) throw new Error(`infra/ferretdb/go.mod does not require ${module}`);
  return version;
}

/** The FerretDB version the launcher's go.mod requires. */
export function ferretDbVersion(): string {
  return requiredVersion(FERRETDB_MODULE);
}

function patchesHash(patches: string[], salt = ''): string {
  const h = createHash('sha256').update(salt);
  for (const p of patches) h.update(`${p.slice(p.lastIndexOf('/') + 1)}\0`).update(readFileSync(p));
  return h.digest('hex').slice(0, 12);
}

/** Makes a copied module tree writable: the module cache is read-only. */
function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = lstatSync(p);
    if (st.isDirectory()) makeWritable(p);
    else if (st.isFile()) chmodSync(p, 0o644);
  }
}

async function go(args: string[], cwd: string): Promise<string> {
  const { code, output } = await runHelper('go', args, { cwd });
  if (code !== 0) throw new Error(`\`go ${args.join(' ')}\` failed (exit ${code}):\n${output}`);
  return output;
}

/** Copies `module@version` out of Go's module cache into `moduleDir` and applies `patches` to it. */
async function patchedCopy(module: string, version: string, patches: string[], moduleDir: string, log: Log) {
  const marker = join(moduleDir, '.pasar-patched');
  if (existsSync(marker)) return;
  const buildDir = dirname(moduleDir);
  log(`FerretDB: downloading ${module}@${version} with go mod download`);
  mkdirSync(buildDir, { recursive: true });
  // Run outside any module, so nothing touches the launcher's go.mod/go.sum.
  const info = JSON.parse(await go(['mod', 'download', '-json', `${module}@${version}`], buildDir)) as {
    Dir?: string;
    Error?: string;
  };
  if (!info.Dir || info.Error)
    throw new Error(`go mod download ${module}@${version}: ${info.Error ?? 'no Dir'}`);
  const tmp = `${moduleDir}.tmp-${process.pid}-${Date.now()}`;
  try {
    cpSync(info.Dir, tmp, { recursive: true });
    makeWritable(tmp);
    for (const p of patches) {
      const name = p.slice(p.lastIndexOf('/') + 1);
      log(`FerretDB: applying ${name} to ${module}@${version}`);
      // --forward: never reverse-apply; --fuzz=0: a hunk that does not match exactly is an error
      const { code, output } = await runHelper(
        'patch',
        ['-p1', '--forward', '--batch', '--fuzz=0', '--no-backup-if-mismatch', '-d', tmp, '-i', p],
        {},
      );
      if (code !== 0)
        throw new Error(
          `FerretDB: ${name} does not apply to ${module}@${version} (patch exit ${code}):\n${output}\n` +
            'Update the patch for this version (see docs/decisions/0009-ferretdb-pushdown-patch.md).',
        );
    }
    writeFileSync(
      join(tmp, '.pasar-patched'),
      `${patches.map((p) => p.slice(p.lastIndexOf('/') + 1)).join('\n')}\n`,
    );
    rmSync(moduleDir, { recursive: true, force: true });
    try {
      renameSync(tmp, moduleDir);
    } catch (err) {
      if (!existsSync(marker)) throw err; // another process finished first: fine
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Returns the path of a go.mod (with its go.sum beside it) that builds infra/ferretdb against the
 * patched FerretDB module (and the patched SQLite driver, when it has patches); creates the patched
 * copies first when they are missing. Idempotent and cheap when everything is in place.
 */
export async function preparePatchedFerretDb(
  log: Log = () => {},
  opts: { patches?: string[]; sqlitePatches?: string[]; buildDir?: string } = {},
): Promise<string> {
  const src = paths.ferretDbSource();
  const version = ferretDbVersion();
  const patches = opts.patches ?? ferretDbPatches();
  const driverPatches = opts.sqlitePatches ?? sqlitePatches();
  const driverVersion = driverPatches.length > 0 ? requiredVersion(SQLITE_MODULE) : '';
  const hash =
    driverPatches.length > 0
      ? patchesHash([...patches, ...driverPatches], `${SQLITE_MODULE}@${driverVersion}\0`)
      : patchesHash(patches);
  const key = `${version}-${hash}`;
  const buildDir = opts.buildDir ?? join(paths.home(), 'build', 'ferretdb');
  const moduleDir = join(buildDir, `FerretDB@${key}`);
  const driverDir = join(buildDir, `sqlite@${key}`);

  await patchedCopy(FERRETDB_MODULE, version, patches, moduleDir, log);
  if (driverPatches.length > 0)
    await patchedCopy(SQLITE_MODULE, driverVersion, driverPatches, driverDir, log);

  // Copies made for other versions or patches are not used any more.
  for (const name of readdirSync(buildDir)) {
    const m = /^(?:FerretDB@|sqlite@|launcher-)(v[^-]+-[0-9a-f]{12})(?:\.mod|\.sum)?$/.exec(name);
    if (m && m[1] !== key) rmSync(join(buildDir, name), { recursive: true, force: true });
  }

  // The go.mod for -modfile: the launcher's own, plus the replaces. Its go.sum must sit beside it.
  const modfile = join(buildDir, `launcher-${key}.mod`);
  const gomod = readFileSync(join(src, 'go.mod'), 'utf8');
  const replaces = [
    `replace ${FERRETDB_MODULE} => ${moduleDir}`,
    ...(driverPatches.length > 0 ? [`replace ${SQLITE_MODULE} => ${driverDir}`] : []),
  ];
  const wanted = `${gomod.trimEnd()}\n\n// generated by infra/stack/src/ferretdb-build.ts: the patched copies\n${replaces.join('\n')}\n`;
  if (!existsSync(modfile) || readFileSync(modfile, 'utf8') !== wanted) writeFileSync(modfile, wanted);
  const gosum = readFileSync(join(src, 'go.sum'));
  const sumfile = modfile.replace(/\.mod$/, '.sum');
  if (!existsSync(sumfile) || !readFileSync(sumfile).equals(gosum)) writeFileSync(sumfile, gosum);
  return modfile;
}
