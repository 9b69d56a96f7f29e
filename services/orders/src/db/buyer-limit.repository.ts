import type mongoose from 'mongoose';
import type { BuyerLimitStore, CounterClaim } from '../use-cases/ports';

/** A buyer's purchases of one limited product in one period. `_id` is the key (see counterIdOf). */
export interface BuyerLimitCounterDoc {
  _id: string;
  cooperativeId: string;
  productId: string;
  /** The NIK's keyed hash; the NIK itself is never stored. */
  nikHash: string;
  windowStart: Date;
  resetsAt: Date;
  used: number;
  /** Units per order id: makes a claim and its release happen once per order. */
  claims: Record<string, number>;
}
export type BuyerLimitCollection = mongoose.mongo.Collection<BuyerLimitCounterDoc>;

const ATTEMPTS = 5;
const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

export class MongoBuyerLimitStore implements BuyerLimitStore {
  constructor(private readonly coll: BuyerLimitCollection) {}

  /**
   * One conditional `$inc`: it matches only while `used + quantity <= limit` and the order has no
   * claim yet. With upsert, a missing counter is inserted under its `_id`; when the counter exists
   * but does not match, that insert hits the `_id` (11000) instead, and a read tells why: this
   * order's earlier claim (done), the limit (refused), or a release in between (try again).
   * Never read-then-write, so concurrent checkouts cannot pass the limit together.
   */
  async claim(c: CounterClaim): Promise<{ claimed: true } | { claimed: false; used: number }> {
    const claimKey = `claims.${c.orderId}`;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        await this.coll.updateOne(
          { _id: c.counterId, used: { $lte: c.limit - c.quantity }, [claimKey]: { $exists: false } },
          {
            $inc: { used: c.quantity },
            $set: { [claimKey]: c.quantity },
            $setOnInsert: { ...c.labels },
          },
          { upsert: true },
        );
        return { claimed: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const doc = await this.coll.findOne({ _id: c.counterId });
      if (!doc) continue;
      if (doc.claims?.[c.orderId] !== undefined) return { claimed: true };
      if (doc.used + c.quantity > c.limit) return { claimed: false, used: doc.used };
    }
    return { claimed: false, used: await this.used(c.counterId) };
  }

  async release(counterId: string, orderId: string, quantity: number): Promise<boolean> {
    const claimKey = `claims.${orderId}`;
    const r = await this.coll.updateOne(
      { _id: counterId, [claimKey]: quantity },
      { $inc: { used: -quantity }, $unset: { [claimKey]: '' } },
    );
    return r.modifiedCount === 1;
  }

  async used(counterId: string): Promise<number> {
    return (await this.coll.findOne({ _id: counterId }))?.used ?? 0;
  }
}
