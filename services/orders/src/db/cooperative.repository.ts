import type { CooperativeSnapshot } from '@pasar/contracts';
import type mongoose from 'mongoose';
import type { Cooperative } from '../domain/catalog';
import type { CooperativeStore } from '../use-cases/ports';

export type CooperativeDoc = Omit<Cooperative, 'cooperativeId'> & { _id: string; snapshotAt: Date };
export type CooperativeCollection = mongoose.mongo.Collection<CooperativeDoc>;

/**
 * Every order placed reads its cooperative; the snapshot changes only when the cooperative edits its
 * settings. A read stays in memory for `cacheMs`; an upsert in this process forgets it at once, so
 * only another instance of the service can serve a snapshot up to `cacheMs` older than the read model
 * (which itself follows membership's events).
 */
export const COOPERATIVE_CACHE_MS = 5_000;
const MAX_CACHED = 10_000;

export class MongoCooperativeStore implements CooperativeStore {
  private readonly cache = new Map<string, { until: number; value: Cooperative }>();
  /** Upserts begun in this process: a read that overlapped one is not cached. */
  private writes = 0;

  constructor(
    private readonly coll: CooperativeCollection,
    private readonly cacheMs = COOPERATIVE_CACHE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Cooperative snapshots carry no version, so the event time orders them (records of one
   * cooperative are keyed alike and arrive in order; this guards against a replayed old record).
   */
  async upsert(s: CooperativeSnapshot, at: Date): Promise<'applied' | 'stale'> {
    this.writes++;
    this.cache.delete(s.cooperativeId);
    try {
      await this.coll.updateOne(
        { _id: s.cooperativeId, snapshotAt: { $lte: at } },
        {
          $set: {
            name: s.name,
            marketName: s.marketName,
            outletAddress: s.outletAddress,
            deliveryEnabled: s.deliveryEnabled,
            deliveryFee: s.deliveryFee,
            orderExpiryMinutes: s.orderExpiryMinutes,
            paymentMethods: s.paymentMethods ?? null,
            snapshotAt: at,
          },
        },
        { upsert: true },
      );
      return 'applied';
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return 'stale';
      throw err;
    } finally {
      this.writes++;
      this.cache.delete(s.cooperativeId);
    }
  }

  async findById(cooperativeId: string): Promise<Cooperative | undefined> {
    const hit = this.cache.get(cooperativeId);
    if (hit && hit.until > this.now()) return { ...hit.value };
    const readAt = this.now();
    const writes = this.writes;
    const value = await this.read(cooperativeId);
    if (value && this.cacheMs > 0 && writes === this.writes) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      this.cache.set(cooperativeId, { until: readAt + this.cacheMs, value });
    }
    return value && { ...value };
  }

  private async read(cooperativeId: string): Promise<Cooperative | undefined> {
    const d = await this.coll.findOne({ _id: cooperativeId });
    if (!d) return undefined;
    return {
      cooperativeId: d._id,
      name: d.name,
      marketName: d.marketName ?? null,
      outletAddress: d.outletAddress ?? null,
      deliveryEnabled: d.deliveryEnabled,
      deliveryFee: d.deliveryFee,
      orderExpiryMinutes: d.orderExpiryMinutes,
      // Snapshots from before online payments carry none: every platform method.
      paymentMethods: d.paymentMethods ?? null,
    };
  }
}
