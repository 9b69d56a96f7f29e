import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Per-order cost figures for benchmarks: CPU seconds of a process from /proc/<pid>/stat (utime +
 * stime, which contention on a shared machine distorts far less than wall-clock throughput), and
 * the counters of a service's Prometheus /metrics (Kafka requests, database commands, log lines…).
 */
let ticks: number | undefined;
function clockTicks(): number {
  ticks ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticks;
}

/** CPU seconds (user + system) a process has used so far, or NaN when it is gone or not on Linux. */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state: utime/stime are 14/15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) / clockTicks();
  } catch {
    return Number.NaN;
  }
}

export type Counters = Map<string, number>;

/** Parses Prometheus text: `name{labels} value` → map (histogram buckets and default process metrics skipped). */
export function parseMetrics(text: string): Counters {
  const out: Counters = new Map();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    const key = line.slice(0, cut);
    if (!key.startsWith('pasar_') || key.includes('_bucket{') || /^pasar_(process|nodejs)_/.test(key))
      continue;
    out.set(key, Number(line.slice(cut + 1)));
  }
  return out;
}

export async function scrape(url: string): Promise<Counters> {
  const res = await fetch(`${url}/metrics`);
  if (!res.ok) throw new Error(`GET ${url}/metrics: ${res.status}`);
  return parseMetrics(await res.text());
}

/** after − before for every counter that moved. */
export function diff(before: Counters, after: Counters): Counters {
  const out: Counters = new Map();
  for (const [k, v] of after) {
    const d = v - (before.get(k) ?? 0);
    if (d !== 0 && !k.includes('_lag_records') && !k.includes('_age_seconds')) out.set(k, d);
  }
  return out;
}

/** Sums counters whose key matches, grouped by `group(key)`. */
export function sumBy(c: Counters, match: RegExp, group: (key: string) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of c) {
    if (!match.test(k)) continue;
    const g = group(k);
    out[g] = (out[g] ?? 0) + v;
  }
  return out;
}

export const label = (key: string, name: string): string =>
  new RegExp(`${name}="([^"]*)"`).exec(key)?.[1] ?? '';
