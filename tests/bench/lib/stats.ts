import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Percentile by nearest rank over a sorted copy: p in [0, 100]. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Prints the figures and writes them to tests/bench/results/<name>.json. */
export function report(name: string, figures: Record<string, unknown>): void {
  const dir = join(import.meta.dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  const body = { benchmark: name, at: new Date().toISOString(), machine: machineInfo(), ...figures };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`[bench] wrote ${file}`);
}

function machineInfo() {
  return { cpus: cpus().length, memGiB: round(totalmem() / 2 ** 30, 1), node: process.version };
}
