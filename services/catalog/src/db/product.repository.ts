import type { Category, Envelope } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import { skuTaken } from '../domain/errors';
import type { CursorPosition, ProductFilters, ProductSort } from '../domain/listing';
import { sortNameOf } from '../domain/listing';
import type { Product } from '../domain/product';
import { searchTextOf } from '../domain/search-text';
import { buildListQuery } from './product-list.query';
import { type ProductDoc, type ProductModel, productModel, toObjectId, toProduct } from './product.model';

/** The fields a product write stores, derived fields (search, sort name) included. */
function storedFields(p: Product) {
  const { id: _id, stock: _stock, ...fields } = p;
  return { ...fields, search: searchTextOf(p), sortName: sortNameOf(p.name) };
}

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Products: listing data and the public queries. Stock movements live in ProductStockRepository. */
export class ProductRepository {
  constructor(readonly model: ProductModel) {}

  static on(conn: Connection): ProductRepository {
    return new ProductRepository(productModel(conn));
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Inserts a new product together with its first event (one single-document write). */
  async insert(p: Product, events: Envelope[]): Promise<void> {
    try {
      await this.model.create({
        _id: toObjectId(p.id)!,
        ...storedFields(p),
        stock: p.stock,
        ...outboxFields(events),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw skuTaken(p.cooperativeId, p.sku);
      throw err;
    }
  }

  /**
   * Saves an edit made on `previousVersion` (optimistic lock) with its event; false when someone
   * else saved first. Stock is left alone: the saga may have moved it meanwhile.
   */
  async saveVersion(previousVersion: number, next: Product, events: Envelope[]): Promise<Product | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(next.id), version: previousVersion },
        withOutbox({ $set: storedFields(next) }, events),
        { returnDocument: 'after' },
      )
      .lean<ProductDoc>();
    return doc ? toProduct(doc) : null;
  }

  async findById(id: string): Promise<Product | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.model.findById(_id, { outbox: 0, holds: 0, sales: 0 }).lean<ProductDoc>();
    return doc ? toProduct(doc) : null;
  }

  /** Every product of a cooperative, whatever its status (for the seed and staff tools). */
  async findByCooperative(cooperativeId: string): Promise<Product[]> {
    const docs = await this.model
      .find({ cooperativeId }, { outbox: 0, holds: 0, sales: 0, search: 0 })
      .lean<ProductDoc[]>();
    return docs.map(toProduct);
  }

  /** One page of published products; fetches one extra to know whether another page follows. */
  async list(filters: ProductFilters, sort: ProductSort, limit: number, after?: CursorPosition) {
    const q = buildListQuery(filters, sort, after);
    const docs = await this.model
      .find(q.filter, { outbox: 0, holds: 0, sales: 0, search: 0 })
      .sort(q.sort)
      .limit(limit + 1)
      .lean<ProductDoc[]>();
    return { items: docs.slice(0, limit).map(toProduct), hasMore: docs.length > limit };
  }

  /** Published products per category. */
  async categoryCounts(cooperativeId: string): Promise<{ category: Category; count: number }[]> {
    const rows = await this.model.aggregate<{ _id: Category; count: number }>([
      { $match: { cooperativeId, status: 'published' } },
      { $group: { _id: '$category', count: { $sum: 1 } } },
    ]);
    return rows.map((r) => ({ category: r._id, count: r.count }));
  }
}
