import type { Envelope } from '@pasar/contracts';
import { withOutbox } from '@pasar/events';
import type { Connection, mongo } from 'mongoose';
import type { HistoryEntry } from '../domain/history';
import { orderKey } from '../domain/reservation';
import type { Product } from '../domain/product';
import type { HoldResult, StockStore } from '../use-cases/ports';
import { HistoryRepository, pendingHistory } from './history.repository';
import { type ProductDoc, type ProductModel, productModel, toObjectId, toProduct } from './product.model';

/** Product fields a stock decision never reads: left out of the checkout path's lookups. */
const STOCK_VIEW = { projection: { outbox: 0, sales: 0, historyPending: 0 } } as const;

/**
 * Stock movements of one product for one order, each ONE conditional atomic update:
 *   hold:        available -> reserved, remembered in `holds.<orderId>`   (only if available >= qty)
 *   releaseHold: reserved  -> available, forgets the hold                 (undo of hold)
 *   commitHold:  reserved  -> sold, the hold becomes `sales.<orderId>`
 *   releaseSale: sold      -> available, forgets the sale                 (undo of commit)
 *   forgetSale:  forgets the sale once the order is completed (it can no longer be cancelled), so
 *                `sales` holds only orders still open: bounded, not one key per sale forever
 * Each is conditioned on the order's entry being (or not being) there, so running one twice moves
 * nothing the second time: redelivered events and re-run sagas never double-count. Every move keeps
 * `available + reserved + sold` unchanged and no counter below zero.
 */
export class ProductStockRepository implements StockStore {
  /**
   * The checkout path (read, hold, commit, release) goes through the driver's collection, not the
   * mongoose model: its filters and updates are plain counters and keys that need no casting, and
   * mongoose's query casting and documents were about a fifth of catalog's CPU per order
   * (docs/decisions/0022). The writes are the same single-document conditional updates.
   */
  private readonly products: mongo.Collection<ProductDoc>;

  constructor(
    readonly model: ProductModel,
    private readonly history: HistoryRepository,
  ) {
    this.products = model.collection as unknown as mongo.Collection<ProductDoc>;
  }

  static on(conn: Connection): ProductStockRepository {
    return new ProductStockRepository(productModel(conn), HistoryRepository.on(conn));
  }

  /** The products of an order's lines as they are now, and how many units each already holds for it. */
  async readForOrder(
    productIds: string[],
    orderId: string,
  ): Promise<Map<string, { product: Product; held?: number }>> {
    const oids = productIds.map(toObjectId).filter((o) => o !== null);
    // One query for the order's lines: `_id: {$in}` is an index lookup on MongoDB and, through our
    // engine patch, on FerretDB's SQLite backend (docs/decisions/0009).
    const docs =
      oids.length === 0 ? [] : await this.products.find({ _id: { $in: oids } }, STOCK_VIEW).toArray();
    const key = orderKey(orderId);
    return new Map(
      docs
        .filter((d) => d !== null)
        .map((d) => [d._id.toHexString(), { product: toProduct(d), held: d.holds?.[key] }]),
    );
  }

  /** Holds `qty` for the order. `held` is also true when an earlier run already held it. */
  async hold(productId: string, orderId: string, qty: number): Promise<HoldResult> {
    const _id = toObjectId(productId);
    if (!_id) return { held: false, product: null };
    const key = `holds.${orderKey(orderId)}`;
    // A suspended seller's goods are not for sale to new orders (orders already placed still commit).
    const res = await this.products.updateOne(
      {
        _id,
        status: 'published',
        sellerSuspended: { $ne: true },
        'stock.available': { $gte: qty },
        [key]: { $exists: false },
      },
      { $inc: { 'stock.available': -qty, 'stock.reserved': qty }, $set: { [key]: qty } },
    );
    if (res.modifiedCount === 1) return { held: true };
    const doc = await this.findStock(_id);
    if (doc?.holds?.[orderKey(orderId)] !== undefined) return { held: true };
    return { held: false, product: doc ? toProduct(doc) : null };
  }

  async releaseHold(productId: string, orderId: string, qty: number): Promise<boolean> {
    return this.move(productId, `holds.${orderKey(orderId)}`, qty, {
      'stock.available': qty,
      'stock.reserved': -qty,
    });
  }

  async commitHold(productId: string, orderId: string, qty: number): Promise<boolean> {
    const key = orderKey(orderId);
    return this.move(
      productId,
      `holds.${key}`,
      qty,
      { 'stock.reserved': -qty, 'stock.sold': qty },
      { [`sales.${key}`]: qty },
    );
  }

  async releaseSale(productId: string, orderId: string, qty: number): Promise<boolean> {
    return this.move(productId, `sales.${orderKey(orderId)}`, qty, {
      'stock.available': qty,
      'stock.sold': -qty,
    });
  }

  async forgetSale(productId: string, orderId: string, qty: number): Promise<boolean> {
    return this.move(productId, `sales.${orderKey(orderId)}`, qty, {});
  }

  /**
   * Adds `delta` units on hand (signed: a delivery, damage, a count) if `available` is still
   * `expectedAvailable` and stays ≥ 0, with `events` (the audit entry) and the history entry in the
   * same update; the product after, or null when the count moved meanwhile (or the product is gone).
   */
  async adjust(
    productId: string,
    delta: number,
    expectedAvailable: number,
    events: Envelope[] = [],
    history: HistoryEntry[] = [],
  ): Promise<Product | null> {
    if (expectedAvailable + delta < 0) return null;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(productId), 'stock.available': expectedAvailable },
        withOutbox(
          { $inc: { 'stock.available': delta }, $set: { updatedAt: new Date(), ...pendingHistory(history) } },
          events,
        ),
        { returnDocument: 'after' }, // (FerretDB's findAndModify takes no projection)
      )
      .lean<ProductDoc>();
    if (!doc) return null;
    if (history.length > 0) await this.history.settle(productId).catch(() => undefined);
    return toProduct(doc);
  }

  /** Moves `qty` out of the entry at `from` (only if it holds exactly `qty`), removing the entry. */
  private async move(
    productId: string,
    from: string,
    qty: number,
    inc: Record<string, number>,
    set?: Record<string, number>,
  ): Promise<boolean> {
    const _id = toObjectId(productId);
    if (!_id) return false;
    const res = await this.products.updateOne(
      { _id, [from]: qty },
      {
        ...(Object.keys(inc).length > 0 ? { $inc: inc } : {}),
        $unset: { [from]: '' },
        ...(set ? { $set: set } : {}),
      },
    );
    return res.modifiedCount === 1;
  }

  private findStock(_id: NonNullable<ReturnType<typeof toObjectId>>): Promise<ProductDoc | null> {
    return this.products.findOne({ _id }, STOCK_VIEW);
  }
}
