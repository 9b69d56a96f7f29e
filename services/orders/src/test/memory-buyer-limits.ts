import type { BuyerLimitStore, CounterClaim } from '../use-cases/ports';

export const TEST_NIK_HASH_SALT = 'orders-test-nik-salt-0123456789';

/** Buyer-limit counters in memory, with the Mongo store's guarantees (limit, once per order). */
export class MemoryBuyerLimitStore implements BuyerLimitStore {
  readonly counters = new Map<string, { used: number; claims: Map<string, number> }>();

  async claim(c: CounterClaim): Promise<{ claimed: true } | { claimed: false; used: number }> {
    const counter = this.counters.get(c.counterId) ?? { used: 0, claims: new Map<string, number>() };
    this.counters.set(c.counterId, counter);
    if (counter.claims.has(c.orderId)) return { claimed: true };
    if (counter.used + c.quantity > c.limit) return { claimed: false, used: counter.used };
    counter.used += c.quantity;
    counter.claims.set(c.orderId, c.quantity);
    return { claimed: true };
  }

  async release(counterId: string, orderId: string, quantity: number): Promise<boolean> {
    const counter = this.counters.get(counterId);
    if (counter?.claims.get(orderId) !== quantity) return false;
    counter.used -= quantity;
    counter.claims.delete(orderId);
    return true;
  }

  async used(counterId: string): Promise<number> {
    return this.counters.get(counterId)?.used ?? 0;
  }
}
