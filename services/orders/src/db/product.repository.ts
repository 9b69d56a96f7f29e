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
    // One lookup by _id per line (a cart holds at most 50): FerretDB's SQLite backend uses its
    // index only for an exact {_id} filter, while {_id: {$in}} scans the collection.
    const docs = await Promise.all([...new Set(productIds)].map((id) => this.coll.findOne({ _id: id })));
    return new Map(docs.flatMap((d) => (d ? [[d._id, toProduct(d)] as const] : [])));
  }
}
