import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DIR, generateApiFiles, SERVICES } from '../scripts/api-types';

/**
 * app/api is derived from the services' route definitions. This regenerates it in-process (each service's
 * createApp over its own test fakes: no Kafka, no Mongo) and compares with what is committed, so a service
 * that changes an answer without `pnpm --filter @pasar/web gen:api` being run fails here, not in production.
 */
describe('app/api (generated from the services’ /openapi.json)', () => {
  it('is up to date with every service’s route definitions', async () => {
    const generated = await generateApiFiles();
    expect([...generated.keys()].map((p) => relative(API_DIR, p)).sort()).toEqual(
      SERVICES.flatMap((s) => [`${s}.openapi.json`, `${s}.ts`]).sort(),
    );
    for (const [path, content] of generated) {
      const committed = readFileSync(path, 'utf8');
      expect(committed, `${relative(API_DIR, path)} is stale: run pnpm --filter @pasar/web gen:api`).toBe(
        content,
      );
    }
  }, 120_000);
});
