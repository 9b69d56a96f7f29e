import type { Connection } from 'mongoose';
import type { Seller } from '../domain/seller';
import type { SellerStore } from '../use-cases/ports';

type SellerDoc = Omit<Seller, 'sellerId'> & { _id: string; eventAt: Date };
type SellerCollection = ReturnType<Connection['collection']>;

/**
 * Catalog's `sellers` read model, `_id` = `<cooperativeId>:<sellerId>` (a seller id is a member id,
 * unique only within its cooperative). Seller events carry no version, so the event time orders
 * them: one seller's events are keyed alike and arrive in order; the guard stops a replayed older one.
 */
export class SellerRepository implements SellerStore {
  constructor(readonly coll: SellerCollection) {}

  static on(conn: Connection): SellerRepository {
    return new SellerRepository(conn.collection('sellers'));
  }

  async ensureIndexes(): Promise<void> {
    await this.coll.createIndex({ cooperativeId: 1, personId: 1 });
  }

  async apply(s: Seller, at: Date): Promise<'applied' | 'stale'> {
    const { sellerId, ...fields } = s;
    try {
      await this.coll.updateOne(
        { _id: `${s.cooperativeId}:${sellerId}`, eventAt: { $lte: at } } as never,
        { $set: { ...fields, sellerId, eventAt: at } },
        { upsert: true },
      );
      return 'applied';
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return 'stale';
      throw err;
    }
  }

  async find(cooperativeId: string, sellerId: string): Promise<Seller | null> {
    const doc = await this.coll.findOne({ _id: `${cooperativeId}:${sellerId}` } as never);
    return doc ? toSeller(doc as unknown as SellerDoc & { sellerId: string }) : null;
  }

  async findByPerson(cooperativeId: string, personId: string): Promise<Seller | null> {
    const doc = await this.coll.findOne({ cooperativeId, personId });
    return doc ? toSeller(doc as unknown as SellerDoc & { sellerId: string }) : null;
  }
}

function toSeller(d: SellerDoc & { sellerId: string }): Seller {
  return {
    sellerId: d.sellerId,
    personId: d.personId,
    cooperativeId: d.cooperativeId,
    shopName: d.shopName,
    description: d.description,
    handoff: d.handoff,
    status: d.status,
  };
}
