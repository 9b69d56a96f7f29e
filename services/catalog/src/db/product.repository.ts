import type { Category, Envelope } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import mongoose, { type Connection } from 'mongoose';
import { skuTaken } from '../domain/errors';
import type { HistoryEntry } from '../domain/history';
import type { CursorPosition, ProductFilters, ProductSort } from '../domain/listing';
import { sortNameOf } from '../domain/listing';
import type { Product, ProductSeller } from '../domain/product';
import { searchTextOf } from '../domain/search-text';
import type { ProductStore } from '../use-cases/ports';
import { HistoryRepository, pendingHistory } from './history.repository';
import { buildListQuery, VISIBLE } from './product-list.query';
import {
  INTERNAL_FIELDS,
  type ProductDoc,
  type ProductModel,
  productModel,
  toObjectId,
  toProduct,
} from './product.model';

/**
 * The fields an edit stores, derived fields (search, sort name) included. Stock (the saga's) and the
 * seller's facts and suspension (setSeller's updateMany) are left alone: they may have moved meanwhile.
 */
function storedFields(p: Product) {
  const { id: _id, stock: _stock, seller: _seller, sellerSuspended: _suspended, ...fields } = p;
  return { ...fields, search: searchTextOf(p), sortName: sortNameOf(p.name) };
}

const isDuplicateKey = (err: unknown) => (err as { code?: number }).code === 11000;

/** Products: listing data and the public queries. Stock movements live in ProductStockRepository. */
export class ProductRepository implements ProductStore {
  constructor(
    readonly model: ProductModel,
    private readonly history: HistoryRepository,
  ) {}

  static on(conn: Connection): ProductRepository {
    return new ProductRepository(productModel(conn), HistoryRepository.on(conn));
  }

  /** Ids are made here, in the database layer: ObjectIds (the keyset cursors order by them). */
  newId(): string {
    return new mongoose.Types.ObjectId().toHexString();
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }

  /** Inserts a new product together with its first events and history entry (one single-document write). */
  async insert(p: Product, events: Envelope[], history: HistoryEntry[] = []): Promise<void> {
    try {
      await this.model.create({
        _id: toObjectId(p.id)!,
        ...storedFields(p),
        stock: p.stock,
        seller: p.seller,
        sellerSuspended: p.sellerSuspended,
        ...outboxFields(events),
        ...(history.length > 0 ? { historyPending: Object.fromEntries(history.map((e) => [e.id, e])) } : {}),
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw skuTaken(p.cooperativeId, p.sku);
      throw err;
    }
    if (history.length > 0) await this.settleHistory(p.id);
  }

  /** Moves pending history to its collection; a failure only leaves it pending (reads merge it). */
  private async settleHistory(productId: string): Promise<void> {
    await this.history.settle(productId).catch(() => undefined);
  }

  /**
   * Saves an edit made on `previousVersion` (optimistic lock) with its event; false when someone
   * else saved first. Stock is left alone: the saga may have moved it meanwhile.
   */
  async saveVersion(
    previousVersion: number,
    next: Product,
    events: Envelope[],
    history: HistoryEntry[] = [],
  ): Promise<Product | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(next.id), version: previousVersion },
        withOutbox({ $set: { ...storedFields(next), ...pendingHistory(history) } }, events),
        { returnDocument: 'after' },
      )
      .lean<ProductDoc>();
    if (!doc) return null;
    await this.settleHistory(next.id);
    return toProduct(doc);
  }

  async setSeller(
    cooperativeId: string,
    sellerId: string,
    seller: ProductSeller,
    suspended: boolean,
  ): Promise<number> {
    const res = await this.model.updateMany(
      { cooperativeId, sellerId },
      {
        $set: {
          seller: { sellerId: seller.sellerId, shopName: seller.shopName },
          sellerSuspended: suspended,
        },
      },
    );
    return res.modifiedCount;
  }

  async findById(id: string): Promise<Product | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const doc = await this.model.findById(_id, INTERNAL_FIELDS).lean<ProductDoc>();
    return doc ? toProduct(doc) : null;
  }

  /** Every product of a cooperative, whatever its status (for the seed and staff tools). */
  async findByCooperative(cooperativeId: string): Promise<Product[]> {
    const docs = await this.model
      .find({ cooperativeId }, { ...INTERNAL_FIELDS, search: 0 })
      .lean<ProductDoc[]>();
    return docs.map(toProduct);
  }

  /** One page of published products; fetches one extra to know whether another page follows. */
  async list(filters: ProductFilters, sort: ProductSort, limit: number, after?: CursorPosition) {
    const q = buildListQuery(filters, sort, after);
    const docs = await this.model
      .find(q.filter, { ...INTERNAL_FIELDS, search: 0 })
      .sort(q.sort)
      .limit(limit + 1)
      .lean<ProductDoc[]>();
    return { items: docs.slice(0, limit).map(toProduct), hasMore: docs.length > limit };
  }

  /** Published products per category. */
  async categoryCounts(cooperativeId: string): Promise<{ category: Category; count: number }[]> {
    const rows = await this.model.aggregate<{ _id: Category; count: number }>([
      { $match: { cooperativeId, ...VISIBLE } },
      { $group: { _id: '$category', count: { $sum: 1 } } },
    ]);
    return rows.map((r) => ({ category: r._id, count: r.count }));
  }
}
