import type { Envelope } from '@pasar/contracts';
import { withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import { orderKey } from '../domain/reservation';
import type { Product } from '../domain/product';
import { type ProductDoc, type ProductModel, productModel, toObjectId, toProduct } from './product.model';

/**
 * Stock movements of one product for one order, each ONE conditional atomic update:
 *   hold:        available -> reserved, remembered in `holds.<orderId>`   (only if available >= qty)
 *   releaseHold: reserved  -> available, forgets the hold                 (undo of hold)
 *   commitHold:  reserved  -> sold, the hold becomes `sales.<orderId>`
 *   releaseSale: sold      -> available, forgets the sale                 (undo of commit)
 * Each is conditioned on the order's entry being (or not being) there, so running one twice moves
 * nothing the second time: redelivered events and re-run sagas never double-count. Every move keeps
 * `available + reserved + sold` unchanged and no counter below zero.
 */
export class ProductStockRepository {
  constructor(readonly model: ProductModel) {}

  static on(conn: Connection): ProductStockRepository {
    return new ProductStockRepository(productModel(conn));
  }

  /** The products of an order's lines as they are now, and how many units each already holds for it. */
  async readForOrder(
    productIds: string[],
    orderId: string,
  ): Promise<Map<string, { product: Product; held?: number }>> {
    const oids = productIds.map(toObjectId).filter((o) => o !== null);
    // One lookup per id rather than `$in`: FerretDB only turns an exact `{_id}` filter into an index lookup.
    const docs = await Promise.all(
      oids.map((_id) => this.model.findById(_id, { outbox: 0, sales: 0 }).lean<ProductDoc>()),
    );
    const key = orderKey(orderId);
    return new Map(
      docs
        .filter((d) => d !== null)
        .map((d) => [d._id.toHexString(), { product: toProduct(d), held: d.holds?.[key] }]),
    );
  }

  /** Holds `qty` for the order. `held` is also true when an earlier run already held it. */
  async hold(
    productId: string,
    orderId: string,
    qty: number,
  ): Promise<{ held: true } | { held: false; product: Product | null }> {
    const _id = toObjectId(productId);
    if (!_id) return { held: false, product: null };
    const key = `holds.${orderKey(orderId)}`;
    const res = await this.model.updateOne(
      { _id, status: 'published', 'stock.available': { $gte: qty }, [key]: { $exists: false } },
      { $inc: { 'stock.available': -qty, 'stock.reserved': qty }, $set: { [key]: qty } },
    );
    if (res.modifiedCount === 1) return { held: true };
    const doc = await this.model.findById(_id, { outbox: 0, sales: 0 }).lean<ProductDoc>();
    if (doc?.holds?.[orderId] !== undefined) return { held: true };
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

  /**
   * Adds units on hand (a delivery from the seller) if `available` is still `expectedAvailable`,
   * with `events` (the audit entry) in the same update; the product after, or null when the count
   * moved meanwhile (or the product is gone).
   */
  async restock(
    productId: string,
    qty: number,
    expectedAvailable: number,
    events: Envelope[] = [],
  ): Promise<Product | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: toObjectId(productId), 'stock.available': expectedAvailable },
        withOutbox({ $inc: { 'stock.available': qty }, $set: { updatedAt: new Date() } }, events),
        { returnDocument: 'after' }, // (FerretDB's findAndModify takes no projection)
      )
      .lean<ProductDoc>();
    return doc ? toProduct(doc) : null;
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
    const res = await this.model.updateOne(
      { _id, [from]: qty },
      { $inc: inc, $unset: { [from]: '' }, ...(set ? { $set: set } : {}) },
    );
    return res.modifiedCount === 1;
  }
}
