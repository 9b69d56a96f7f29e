import type { ProductSnapshot } from '@pasar/contracts';
import type mongoose from 'mongoose';
import type { Product } from '../domain/catalog';
import type { ProductStore } from '../use-cases/ports';

export type ProductDoc = Omit<Product, 'productId'> & {
  _id: string;
  imageUrl: string | null;
  updatedAt: Date;
};
export type ProductCollection = mongoose.mongo.Collection<ProductDoc>;

function toProduct(d: ProductDoc): Product {
  return {
    productId: d._id,
    cooperativeId: d.cooperativeId,
    sellerId: d.sellerId,
    name: d.name,
    unit: d.unit,
    price: d.price,
    maxPerOrder: d.maxPerOrder,
    // Absent in copies made from snapshots older than subsidised goods.
    buyerLimit: d.buyerLimit ?? null,
    het: d.het ?? false,
    status: d.status,
    version: d.version,
  };
}

export class MongoProductStore implements ProductStore {
  constructor(private readonly coll: ProductCollection) {}

  /**
   * Upsert guarded by version: the filter matches only an older copy; when a newer (or the same)
   * version is stored, the upsert's insert hits the `_id` and fails with 11000 — a stale snapshot.
   */
  async upsert(s: ProductSnapshot): Promise<'applied' | 'stale'> {
    const { productId, category: _category, ...fields } = s;
    try {
      await this.coll.updateOne(
        { _id: productId, version: { $lt: s.version } },
        { $set: { ...fields, updatedAt: new Date() } },
        { upsert: true },
      );
      return 'applied';
    } catch (err) {
      if ((err as { code?: number }).code === 11000) return 'stale';
      throw err;
    }
  }

  async findById(productId: string): Promise<Product | undefined> {
    const doc = await this.coll.findOne({ _id: productId });
    return doc ? toProduct(doc) : undefined;
  }

  async findMany(productIds: readonly string[]): Promise<Map<string, Product>> {
    // One query for the cart's lines (at most 50): `_id: {$in}` is an index lookup on MongoDB and,
    // through our engine patch, on FerretDB's SQLite backend too (docs/decisions/0009).
    const docs = await this.coll.find({ _id: { $in: [...new Set(productIds)] } }).toArray();
    return new Map(docs.flatMap((d) => (d ? [[d._id, toProduct(d)] as const] : [])));
  }
}
