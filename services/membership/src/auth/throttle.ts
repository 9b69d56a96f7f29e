import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Throttle, ThrottleKeys } from '../use-cases/ports';

export interface ThrottlePolicy {
  /** Consecutive failures before a delay (issue 6: 5). */
  maxFailures: number;
  /** How long a blocked account or address waits. */
  blockSeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
}

/**
 * Per-account and per-address failure counters (rate-limiter-flexible, in process memory). The
 * account's counter is also kept on the person document (failedSignIns / lockedUntil), so a second
 * instance or a restart still honours an account's lockout; the address counter is per instance.
 */
export function createThrottle(policy: ThrottlePolicy, name = 'sign-in'): Throttle {
  const make = (kind: string) =>
    new RateLimiterMemory({
      keyPrefix: `${name}:${kind}`,
      points: policy.maxFailures,
      duration: policy.windowSeconds,
    });
  const byAccount = make('account');
  const byAddress = make('address');
  const pairs = (keys: ThrottleKeys) =>
    [
      [byAccount, keys.account],
      [byAddress, keys.address],
    ] as const;
  return {
    policy,
    async retryAfter(keys) {
      let wait = 0;
      for (const [limiter, key] of pairs(keys)) {
        const res = await limiter.get(key);
        // block() stores points + 1: above `points` means blocked, msBeforeNext is the rest of the block.
        if (res && res.consumedPoints > limiter.points)
          wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
      }
      return wait;
    },
    async fail(keys) {
      for (const [limiter, key] of pairs(keys)) {
        const res = await limiter.penalty(key, 1);
        if (res.consumedPoints >= limiter.points) await limiter.block(key, policy.blockSeconds);
      }
    },
    async succeed(keys) {
      await byAccount.delete(keys.account);
    },
  };
}
