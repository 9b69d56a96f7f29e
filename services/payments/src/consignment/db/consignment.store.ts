import type { Category, Envelope } from '@pasar/contracts';
import { outboxFields, type OutboxEntry, withOutbox } from '@pasar/events';
import type mongoose from 'mongoose';
import { type Account, summarise, type Summary } from '../domain/account';
import type { OrderFacts } from '../domain/order-facts';
import {
  type AccountSummary,
  accountKey,
  type ConsignmentStore,
  type SellerRecord,
  type StoredSettings,
} from '../use-cases/ports';

/** One document per seller: its lines, its orders' states, and a summary the overview reads alone. */
export interface AccountDoc extends Omit<Account, 'version'> {
  _id: string;
  version: number;
  summary: Summary & { anomalies: number };
  updatedAt: Date;
  outbox?: OutboxEntry[];
}
export interface FactsDoc extends Omit<OrderFacts, 'orderId'> {
  _id: string;
}
export interface SettingsDoc extends Omit<StoredSettings, 'cooperativeId'> {
  _id: string;
  outbox?: OutboxEntry[];
}
export interface SellerDoc extends Omit<SellerRecord, 'sellerId'> {
  _id: string;
}
export interface ProductDoc {
  _id: string;
  cooperativeId: string;
  category: Category;
  version: number;
}

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === DUPLICATE_KEY;

/**
 * Inserts (expected version 0) or replaces the state guarded on the version read; events go to the
 * document's outbox in the same write ($push, so the relay's removals are never overwritten).
 */
async function guardedSave<D extends { _id: string; outbox?: OutboxEntry[] }>(
  coll: mongoose.mongo.Collection<D>,
  id: string,
  expected: number,
  state: Omit<D, '_id' | 'outbox' | 'version'>,
  events: Envelope[],
): Promise<boolean> {
  if (expected === 0) {
    try {
      await coll.insertOne({ _id: id, ...state, version: 1, ...outboxFields(events) } as never);
      return true;
    } catch (err) {
      if (isDuplicate(err)) return false;
      throw err;
    }
  }
  const update = withOutbox({ $set: { ...state, version: expected + 1 } as Record<string, unknown> }, events);
  const res = await coll.updateOne({ _id: id, version: expected } as never, update as never);
  return res.modifiedCount === 1;
}

const NO_OUTBOX = { projection: { outbox: 0 } } as const;

export function createConsignmentStore(conn: mongoose.Connection) {
  const db = conn.db;
  if (!db) throw new Error('Mongo connection is not open');
  const accounts = db.collection<AccountDoc>('consignment_accounts');
  const facts = db.collection<FactsDoc>('consignment_orders');
  const settings = db.collection<SettingsDoc>('consignment_settings');
  const sellers = db.collection<SellerDoc>('consignment_sellers');
  const products = db.collection<ProductDoc>('consignment_products');

  const store: ConsignmentStore = {
    async getAccount(cooperativeId, sellerId) {
      const d = await accounts.findOne({ _id: accountKey(cooperativeId, sellerId) }, NO_OUTBOX);
      if (!d) return null;
      const { _id, summary: _s, updatedAt: _u, outbox: _o, ...a } = d;
      return a;
    },
    saveAccount(a, events) {
      const { version, ...state } = a;
      const summary = { ...summarise(a), anomalies: a.anomalies.length };
      return guardedSave(
        accounts,
        accountKey(a.cooperativeId, a.sellerId),
        version,
        { ...state, summary, updatedAt: new Date() },
        events,
      );
    },
    async listSummaries(cooperativeId) {
      const docs = await accounts
        .find({ cooperativeId }, { projection: { cooperativeId: 1, sellerId: 1, summary: 1 } })
        .toArray();
      return docs.map(
        (d): AccountSummary => ({ cooperativeId: d.cooperativeId, sellerId: d.sellerId, ...d.summary }),
      );
    },
    async getFacts(orderId) {
      const d = await facts.findOne({ _id: orderId });
      if (!d) return null;
      const { _id, ...f } = d;
      return { orderId: _id, ...f };
    },
    saveFacts(f) {
      const { orderId, version, ...state } = f;
      return guardedSave(facts, orderId, version, state, []);
    },
    async getSettings(cooperativeId) {
      const d = await settings.findOne({ _id: cooperativeId }, NO_OUTBOX);
      if (!d) return null;
      const { _id, outbox: _o, ...s } = d;
      return { cooperativeId: _id, ...s };
    },
    saveSettings(s, events) {
      const { cooperativeId, version, ...state } = s;
      return guardedSave(settings, cooperativeId, version, state, events);
    },
    async upsertSeller(s) {
      const { sellerId, ...rest } = s;
      await sellers.updateOne({ _id: sellerId }, { $set: rest }, { upsert: true });
    },
    async getSeller(sellerId) {
      const d = await sellers.findOne({ _id: sellerId });
      return d
        ? {
            sellerId: d._id,
            personId: d.personId,
            cooperativeId: d.cooperativeId,
            shopName: d.shopName,
            status: d.status,
          }
        : null;
    },
    async listSellers(cooperativeId) {
      const docs = await sellers.find({ cooperativeId }).toArray();
      return docs.map((d) => ({
        sellerId: d._id,
        personId: d.personId,
        cooperativeId: d.cooperativeId,
        shopName: d.shopName,
        status: d.status,
      }));
    },
    async upsertProduct(p) {
      const { productId, ...rest } = p;
      try {
        // Only a newer version replaces what is kept; an older one finds no match and its upsert collides.
        await products.updateOne(
          { _id: productId, version: { $lt: p.version } },
          { $set: rest },
          { upsert: true },
        );
      } catch (err) {
        if (!isDuplicate(err)) throw err;
      }
    },
    async categories(productIds) {
      const docs = await products.find({ _id: { $in: productIds } }).toArray();
      return new Map(docs.map((d) => [d._id, d.category]));
    },
  };
  return {
    store,
    /** The collections whose documents carry an outbox, for the relay. */
    outboxCollections: { accounts, settings } as unknown as Record<
      'accounts' | 'settings',
      mongoose.mongo.Collection
    >,
    accounts,
    async init() {
      await Promise.all([
        accounts.createIndex({ cooperativeId: 1 }),
        sellers.createIndex({ cooperativeId: 1 }),
      ]);
    },
  };
}
