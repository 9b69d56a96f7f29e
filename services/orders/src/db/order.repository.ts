import type { Envelope } from '@pasar/contracts';
import { type OutboxEntry, type OutboxImages, outboxFields, storedEntries, withOutbox } from '@pasar/events';
import {
  AWAITING_CONFIRMATION,
  type Order,
  type PaymentSession,
  type Refund,
  type TimelineEntry,
} from '../domain/order';
import type {
  OrderChange,
  OrderChangeMark,
  OrderCursor,
  OrderListFilter,
  OrderPage,
  OrderStore,
  QueueColumnQuery,
} from '../use-cases/ports';
import { type OrderCollection, type OrderDoc, toOrder, toOrderDoc } from './order.model';

function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: number }).code === 11000;
}

export class MongoOrderStore implements OrderStore {
  /** With `images`, each write with events leaves its document's outbox there for the relay. */
  constructor(
    private readonly coll: OrderCollection,
    private readonly images?: OutboxImages,
  ) {}

  async insert(order: Order, events: Envelope[]): Promise<'inserted' | 'duplicate'> {
    try {
      const { outbox } = outboxFields(events);
      await this.coll.insertOne({ ...toOrderDoc(order), outbox });
      if (events.length > 0) this.images?.record('orders', order.id, storedEntries(outbox));
      return 'inserted';
    } catch (err) {
      if (isDuplicateKey(err)) return 'duplicate';
      throw err;
    }
  }

  async findById(orderId: string): Promise<Order | undefined> {
    const doc = await this.coll.findOne({ _id: orderId }, { projection: { outbox: 0 } });
    return doc ? toOrder(doc as OrderDoc) : undefined;
  }

  async findByIdempotencyKey(key: string): Promise<Order | undefined> {
    const doc = await this.coll.findOne({ idempotencyKey: key }, { projection: { outbox: 0 } });
    return doc ? toOrder(doc as OrderDoc) : undefined;
  }

  async versionOf(orderId: string): Promise<number | undefined> {
    const doc = await this.coll.findOne({ _id: orderId }, { projection: { version: 1 } });
    return doc?.version;
  }

  async addTokenHash(orderId: string, hash: string, max: number): Promise<boolean> {
    // `tokenHashes.<max-1>` absent ⇔ fewer than `max` hashes: a bounded $push without $slice.
    const res = await this.coll.updateOne(
      { _id: orderId, [`tokenHashes.${max - 1}`]: { $exists: false } },
      { $push: { tokenHashes: hash } },
    );
    return res.modifiedCount === 1;
  }

  async applyChange(orderId: string, change: OrderChange): Promise<boolean> {
    const update = withOutbox(
      {
        $set: { ...(change.set ?? {}), status: change.to, updatedAt: change.timeline.at },
        $inc: { version: 1 },
        $push: { timeline: change.timeline },
      },
      change.events,
    );
    return this.update({ _id: orderId, status: { $in: [...change.from] } }, update, change.events.length > 0);
  }

  /**
   * A guarded update (it always changes the document when it matches). With events, and images to
   * leave, a findOneAndUpdate: the document it returns carries the outbox as the database holds it.
   */
  private async update(filter: object, update: object, withEvents: boolean): Promise<boolean> {
    if (!withEvents || !this.images) {
      return (await this.coll.updateOne(filter as never, update as never)).matchedCount === 1;
    }
    const doc = await this.coll.findOneAndUpdate(filter as never, update as never, {
      returnDocument: 'after',
    });
    if (!doc) return false;
    this.images.record('orders', doc._id, (doc as { outbox?: OutboxEntry[] }).outbox);
    return true;
  }

  async recordPayment(orderId: string, payment: PaymentSession, at: Date): Promise<boolean> {
    // Not this session already, and no session opened after it (`payment: null` also matches a missing field).
    const res = await this.coll.updateOne(
      {
        _id: orderId,
        'payment.paymentId': { $ne: payment.paymentId },
        $or: [{ payment: null }, { 'payment.openedAt': { $lte: payment.openedAt } }],
      } as never,
      { $set: { payment, updatedAt: at }, $inc: { version: 1 } },
    );
    return res.modifiedCount === 1;
  }

  async recordRefund(orderId: string, refund: Refund, note: TimelineEntry): Promise<boolean> {
    // pending only as the first word on it; refunded from nothing or pending, never twice.
    const guard = refund.status === 'pending' ? { refund: null } : { 'refund.status': { $ne: 'refunded' } };
    const res = await this.coll.updateOne({ _id: orderId, ...guard } as never, {
      $set: { refund, updatedAt: note.at },
      $inc: { version: 1 },
      $push: { timeline: note },
    });
    return res.modifiedCount === 1;
  }

  async list(filter: OrderListFilter, limit: number, cursor?: OrderCursor): Promise<OrderPage> {
    const query: Record<string, unknown> =
      'buyerPersonId' in filter
        ? { buyerPersonId: filter.buyerPersonId }
        : { cooperativeId: filter.cooperativeId, ...(filter.status ? { status: filter.status } : {}) };
    if (cursor) {
      query.$or = [
        { createdAt: { $lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, _id: { $lt: cursor.id } },
      ];
    }
    // One more than asked: whether a next page exists, without a count.
    const docs = await this.coll
      .find(query as never, { projection: { outbox: 0 } })
      .sort({ createdAt: -1, _id: -1 })
      .limit(limit + 1)
      .toArray();
    const items = docs.slice(0, limit).map((d) => toOrder(d as OrderDoc));
    const last = items.at(-1);
    return { items, next: docs.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  async findDueForExpiry(now: Date, limit: number): Promise<Order[]> {
    const docs = await this.coll
      .find(
        { status: { $in: [...AWAITING_CONFIRMATION] }, expiresAt: { $lte: now } },
        { projection: { outbox: 0 } },
      )
      .limit(limit)
      .toArray();
    return docs.map((d) => toOrder(d as OrderDoc));
  }

  async appendEvents(orderId: string, events: Envelope[]): Promise<boolean> {
    return this.update({ _id: orderId }, withOutbox({}, events), events.length > 0);
  }

  async queueColumn(q: QueueColumnQuery, limit: number): Promise<{ count: number; items: Order[] }> {
    const query: Record<string, unknown> = {
      cooperativeId: q.cooperativeId,
      status: { $in: [...q.statuses] },
    };
    if (q.fulfilment) query['fulfilment.method'] = q.fulfilment;
    if (q.createdBefore) query.createdAt = { $lt: q.createdBefore };
    if (q.updatedIn) query.updatedAt = { $gte: q.updatedIn.start, $lt: q.updatedIn.end };
    const [count, docs] = await Promise.all([
      this.coll.countDocuments(query as never),
      this.coll
        .find(query as never, { projection: { outbox: 0 } })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .toArray(),
    ]);
    return { count, items: docs.map((d) => toOrder(d as OrderDoc)) };
  }

  async changedSince(cooperativeId: string, since: Date, limit: number): Promise<OrderChangeMark[]> {
    const docs = await this.coll
      .find(
        { cooperativeId, updatedAt: { $gte: since } },
        { projection: { _id: 1, notaNumber: 1, status: 1, version: 1, updatedAt: 1 } },
      )
      .sort({ updatedAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({
      orderId: d._id,
      notaNumber: d.notaNumber ?? null,
      status: d.status,
      version: d.version,
      updatedAt: d.updatedAt,
    }));
  }
}
