import type { CooperativeSnapshot } from '@pasar/contracts';
import type mongoose from 'mongoose';
import type { Cooperative } from '../domain/catalog';
import type { CooperativeStore } from '../use-cases/ports';

export type CooperativeDoc = Omit<Cooperative, 'cooperativeId'> & { _id: string; snapshotAt: Date };
export type CooperativeCollection = mongoose.mongo.Collection<CooperativeDoc>;

export class MongoCooperativeStore implements CooperativeStore {
  constructor(private readonly coll: CooperativeCollection) {}

  /**
   * Cooperative snapshots carry no version, so the event time orders them (records of one
   * cooperative are keyed alike and arrive in order; this guards against a replayed old record).
   */
  async upsert(s: CooperativeSnapshot, at: Date): Promise<'applied' | 'stale'> {
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
    }
  }

  async findById(cooperativeId: string): Promise<Cooperative | undefined> {
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
