import { setTimeout as sleep } from 'node:timers/promises';

/** Exponential backoff with full jitter: attempt 0 → up to `base` ms, capped at `max`. */
export function backoffDelay(attempt: number, base = 100, max = 5000): number {
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.floor(ceiling / 2 + Math.random() * (ceiling / 2));
}

export async function waitBackoff(
  attempt: number,
  signal?: AbortSignal,
  base?: number,
  max?: number,
): Promise<void> {
  await sleep(backoffDelay(attempt, base, max), undefined, signal ? { signal } : undefined).catch(
    () => undefined,
  );
}
