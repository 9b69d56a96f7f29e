import type mongoose from 'mongoose';
import type { ExpiryQueue } from '../use-cases/ports';

export interface ExpiryDoc {
  _id: string;
  expiresAt: Date;
}
export type ExpiryCollection = mongoose.mongo.Collection<ExpiryDoc>;

/** `order_expiries`: one small document per order that may still expire (see ExpiryQueue). */
export class MongoExpiryQueue implements ExpiryQueue {
  constructor(private readonly coll: ExpiryCollection) {}

  async add(orderId: string, expiresAt: Date): Promise<void> {
    await this.coll.updateOne({ _id: orderId }, { $set: { expiresAt } }, { upsert: true });
  }

  async due(now: Date, limit: number): Promise<string[]> {
    const docs = await this.coll
      .find({ expiresAt: { $lte: now } }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    return docs.map((d) => d._id);
  }

  async remove(orderId: string): Promise<void> {
    await this.coll.deleteOne({ _id: orderId });
  }
}
