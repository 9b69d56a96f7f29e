import { OutboxImages } from '@pasar/events';
import type mongoose from 'mongoose';
import { type BuyerLimitCounterDoc, MongoBuyerLimitStore } from './buyer-limit.repository';
import { MongoCartStore, type CartDoc } from './cart.repository';
import { MongoCooperativeStore, type CooperativeDoc } from './cooperative.repository';
import { type ExpiryDoc, MongoExpiryQueue } from './expiry-queue.repository';
import { MongoNotaCounters, type NotaCounterDoc } from './nota-counter.repository';
import { ensureOrderIndexes, type OrderDoc } from './order.model';
import { MongoOrderStore } from './order.repository';
import { MongoProductStore, type ProductDoc } from './product.repository';

/** The orders service's collections and stores on one connection. */
export async function createMongoStores(conn: mongoose.Connection) {
  const db = conn.db;
  if (!db) throw new Error('Mongo connection is not open');
  const collections = {
    orders: db.collection<OrderDoc>('orders'),
    carts: db.collection<CartDoc>('carts'),
    products: db.collection<ProductDoc>('products'),
    cooperatives: db.collection<CooperativeDoc>('cooperatives'),
    expiries: db.collection<ExpiryDoc>('order_expiries'),
    notaCounters: db.collection<NotaCounterDoc>('nota_counters'),
    buyerLimits: db.collection<BuyerLimitCounterDoc>('buyer_limit_counters'),
  };
  await ensureOrderIndexes(collections.orders);
  const outboxImages = new OutboxImages();
  return {
    collections,
    /** The collection whose documents carry an outbox, for the relay (untyped, as the relay takes it). */
    ordersOutbox: db.collection('orders'),
    /** What the order store's writes left in the outbox: `nudge` hands it to the relay (no read back). */
    outboxImages,
    orders: new MongoOrderStore(collections.orders, outboxImages),
    carts: new MongoCartStore(collections.carts),
    products: new MongoProductStore(collections.products),
    cooperatives: new MongoCooperativeStore(collections.cooperatives),
    expiries: new MongoExpiryQueue(collections.expiries),
    notaCounters: new MongoNotaCounters(collections.notaCounters),
    buyerLimits: new MongoBuyerLimitStore(collections.buyerLimits),
  };
}
