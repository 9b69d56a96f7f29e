import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { HandoverThrottle } from '../use-cases/ports';

export interface HandoverThrottlePolicy {
  /** Wrong pickup codes an order takes in `windowSeconds` before it waits (5). */
  maxFailures: number;
  /** 15 minutes. */
  windowSeconds: number;
}

export const HANDOVER_THROTTLE: HandoverThrottlePolicy = { maxFailures: 5, windowSeconds: 15 * 60 };

/**
 * Wrong pickup codes per order (rate-limiter-flexible, in process memory, as membership's sign-in
 * throttle): a code has 31^6 ≈ 887 million values, so 5 guesses per 15 minutes makes guessing
 * hopeless. Per instance: with N instances a guesser gets N × 5; every wrong code is also audited.
 */
export function createHandoverThrottle(policy: HandoverThrottlePolicy = HANDOVER_THROTTLE): HandoverThrottle {
  const limiter = new RateLimiterMemory({
    keyPrefix: 'pickup-code',
    points: policy.maxFailures,
    duration: policy.windowSeconds,
  });
  return {
    async retryAfter(orderId) {
      const res = await limiter.get(orderId);
      return res && res.consumedPoints >= limiter.points
        ? Math.max(1, Math.ceil(res.msBeforeNext / 1000))
        : 0;
    },
    async fail(orderId) {
      await limiter.penalty(orderId, 1);
    },
  };
}
