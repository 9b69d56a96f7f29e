import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from `start` to the directory holding pnpm-workspace.yaml (the monorepo root). */
export function findRepoRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no pnpm-workspace.yaml above ${start}: is this the Pasar repository?`);
    dir = parent;
  }
}

/** Git-ignored cache for engines, tools and dev data: `<root>/.pasar`, or $PASAR_HOME. */
export function pasarHome(): string {
  const fromEnv = process.env.PASAR_HOME;
  return fromEnv ? resolve(fromEnv) : join(findRepoRoot(), '.pasar');
}

export const paths = {
  root: () => findRepoRoot(),
  home: () => pasarHome(),
  bin: () => join(pasarHome(), 'bin'),
  ferretDbBinary: () => join(pasarHome(), 'bin', 'pasar-ferretdb'),
  stripeMockBinary: () => join(pasarHome(), 'bin', 'stripe-mock'),
  mailpitBinary: () => join(pasarHome(), 'bin', 'mailpit'),
  kafkaLibs: () => join(pasarHome(), 'kafka', 'libs'),
  /** Default data dir of `cli.ts up`; reset the dev stack with `rm -rf .pasar/data`. */
  devData: () => join(pasarHome(), 'data'),
  kafkaPom: () => join(findRepoRoot(), 'infra', 'kafka', 'pom.xml'),
  ferretDbSource: () => join(findRepoRoot(), 'infra', 'ferretdb'),
};
