import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ferretDbPatches, preparePatchedFerretDb, sqlitePatches } from './ferretdb-build';

const buildDir = mkdtempSync(join(tmpdir(), 'pasar-ferretdb-build-test-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe('patched FerretDB module', () => {
  it('copies the module, applies our patches and generates a go.mod replacing it', async () => {
    expect(ferretDbPatches().map((p) => p.slice(p.lastIndexOf('/') + 1))).toContain(
      'sqlite-filter-pushdown.patch',
    );
    const logs: string[] = [];
    const modfile = await preparePatchedFerretDb((m) => logs.push(m), { buildDir });
    expect(logs.some((l) => l.includes('applying sqlite-filter-pushdown.patch'))).toBe(true);
    const replace = /replace github\.com\/FerretDB\/FerretDB => (\S+)/.exec(
      readFileSync(modfile, 'utf8'),
    )?.[1];
    expect(replace).toBeDefined();
    const collection = join(replace!, 'internal/backends/sqlite/collection.go');
    expect(readFileSync(collection, 'utf8')).toContain('func prepareIDWhereClause(');
    accessSync(collection, constants.W_OK); // the module cache is read-only; the copy is not
    // the SQLite driver: its own patched copy, replaced too
    expect(sqlitePatches().map((p) => p.slice(p.lastIndexOf('/') + 1))).toEqual(['stmt-cache.patch']);
    expect(logs.some((l) => l.includes('applying stmt-cache.patch to modernc.org/sqlite@v1.32.0'))).toBe(
      true,
    );
    const driver = /replace modernc\.org\/sqlite => (\S+)/.exec(readFileSync(modfile, 'utf8'))?.[1];
    expect(readFileSync(join(driver!, 'pasar_stmt_cache.go'), 'utf8')).toContain(
      'func (c *conn) pasarRelease(',
    );
    expect(existsSync(modfile.replace(/\.mod$/, '.sum'))).toBe(true);

    // cached: the second call neither downloads nor patches again
    const again: string[] = [];
    expect(await preparePatchedFerretDb((m) => again.push(m), { buildDir })).toBe(modfile);
    expect(again).toEqual([]);
  });

  it('fails loudly when a patch does not apply', async () => {
    const bad = join(buildDir, 'bad.patch');
    writeFileSync(
      bad,
      [
        '--- a/internal/backends/sqlite/collection.go',
        '+++ b/internal/backends/sqlite/collection.go',
        '@@ -1,3 +1,3 @@',
        '-// This line is not in FerretDB',
        '+// neither is this one',
        ' // context',
        ' // more context',
        '',
      ].join('\n'),
    );
    await expect(
      preparePatchedFerretDb(() => {}, { buildDir, patches: [bad], sqlitePatches: [] }),
    ).rejects.toThrow(/bad\.patch does not apply to github\.com\/FerretDB\/FerretDB@v1\.24\.\d+/);
  });
});
