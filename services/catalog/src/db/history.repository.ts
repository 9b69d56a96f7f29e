import type { Connection } from 'mongoose';
import type { HistoryEntry } from '../domain/history';
import type { HistoryStore } from '../use-cases/ports';
import { type ProductModel, productModel, toObjectId } from './product.model';

type HistoryDoc = Omit<HistoryEntry, 'id'> & { _id: string };
type HistoryCollection = ReturnType<Connection['collection']>;

/** `$set` fields that put history entries on the product, in the same update as the change. */
export function pendingHistory(entries: readonly HistoryEntry[]): Record<string, HistoryEntry> {
  return Object.fromEntries(entries.map((e) => [`historyPending.${e.id}`, e]));
}

const toEntry = ({ _id, ...rest }: HistoryDoc): HistoryEntry => ({ id: _id, ...rest });

/**
 * A listing's history, append-only, in `product_history` (one small document per change, `_id` =
 * entry id). Why two steps: FerretDB has no transactions, so an entry cannot be inserted there in the
 * same write as the product change. It is written into the product document (`historyPending.<id>`)
 * by the change's own single-document update, like the outbox, then copied here (an insert that a
 * repeat finds already done: duplicate `_id`) and unset from the product. A crash in between leaves
 * the entry pending on the product: reads merge it, and the next write to that product moves it. So
 * the product holds only entries of the last writes, and no change is ever without its entry.
 */
export class HistoryRepository implements HistoryStore {
  constructor(
    readonly coll: HistoryCollection,
    private readonly products: ProductModel,
  ) {}

  static on(conn: Connection): HistoryRepository {
    return new HistoryRepository(conn.collection('product_history'), productModel(conn));
  }

  async ensureIndexes(): Promise<void> {
    await this.coll.createIndex({ productId: 1, at: 1 });
  }

  /** Copies the product's pending entries here and unsets them there (idempotent). */
  async settle(productId: string): Promise<void> {
    const _id = toObjectId(productId);
    if (!_id) return;
    const doc = await this.products
      .findById(_id, { historyPending: 1 })
      .lean<{ historyPending?: Record<string, HistoryEntry> }>();
    const pending = Object.values(doc?.historyPending ?? {});
    if (pending.length === 0) return;
    for (const { id, ...rest } of pending) {
      try {
        await this.coll.insertOne({ _id: id, ...rest } as never);
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
    }
    await this.products.updateOne(
      { _id },
      { $unset: Object.fromEntries(pending.map((e) => [`historyPending.${e.id}`, ''])) },
    );
  }

  async list(productId: string): Promise<HistoryEntry[]> {
    const _id = toObjectId(productId);
    const [stored, doc] = await Promise.all([
      this.coll.find({ productId }).toArray() as unknown as Promise<HistoryDoc[]>,
      _id
        ? this.products
            .findById(_id, { historyPending: 1 })
            .lean<{ historyPending?: Record<string, HistoryEntry> }>()
        : null,
    ]);
    const byId = new Map(stored.map((d) => [d._id, toEntry(d)]));
    for (const e of Object.values(doc?.historyPending ?? {})) if (!byId.has(e.id)) byId.set(e.id, e);
    return [...byId.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
  }
}
