import type { Envelope, PaymentMethod } from '@pasar/contracts';
import { type OutboxImages, outboxFields, storedEntries, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import {
  emptyProviderRecord,
  type OrderState,
  type Payment,
  type PaymentStatus,
  type Provider,
} from '../domain/payment';
import type {
  NotificationLog,
  NotificationRecord,
  PaymentChange,
  PaymentRepository,
} from '../use-cases/ports';
import { notificationModel, type PaymentDoc, paymentModel } from './payment.model';
import { paymentIdsOf } from '../domain/payment-id';

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === DUPLICATE_KEY;

function toDomain(d: PaymentDoc): Payment {
  return {
    paymentId: d._id,
    orderId: d.orderId,
    attempt: d.attempt,
    cooperativeId: d.cooperativeId,
    provider: d.provider as Provider,
    paymentMethod: d.paymentMethod as PaymentMethod,
    amount: d.amount,
    captured: d.captured ?? 0,
    refunded: d.refunded ?? 0,
    status: d.status as PaymentStatus,
    expiresAt: d.expiresAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    voidReason: d.voidReason ?? null,
    failureReason: d.failureReason ?? null,
    providerRecord: { ...emptyProviderRecord(), ...(d.providerRecord ?? {}) },
    refund: d.refund
      ? {
          ...d.refund,
          requestedAt: new Date(d.refund.requestedAt),
          doneAt: d.refund.doneAt ? new Date(d.refund.doneAt) : null,
        }
      : null,
    orderState: d.orderState ?? 'awaiting',
    correlationId: d.correlationId ?? d.orderId,
  };
}

export interface MongoPaymentRepository extends PaymentRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof paymentModel>['collection'];
}

const NO_OUTBOX = { outbox: 0 } as const;

/**
 * `images`: the outbox an insert wrote is kept there for the relay's nudge, which then publishes it
 * without reading the payment back (see OutboxImages).
 */
export function createPaymentRepository(conn: Connection, images?: OutboxImages): MongoPaymentRepository {
  const Model = paymentModel(conn);
  const find = async (filter: Record<string, unknown>) => {
    const doc = await Model.findOne(filter, NO_OUTBOX).lean<PaymentDoc>();
    return doc ? toDomain(doc) : null;
  };
  const many = async (filter: Record<string, unknown>, sort: Record<string, 1 | -1>, limit: number) =>
    (await Model.find(filter, NO_OUTBOX).sort(sort).limit(limit).lean<PaymentDoc[]>()).map(toDomain);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(p: Payment, events: Envelope[]) {
      const { paymentId, ...rest } = p;
      try {
        const { outbox } = outboxFields(events);
        await Model.create({ _id: paymentId, ...rest, currency: 'IDR', outbox });
        // As stored: mongoose leaves undefined values out of the Mixed entries.
        if (outbox.length > 0)
          images?.record(
            Model.collection.collectionName,
            paymentId,
            storedEntries(outbox, { ignoreUndefined: true }),
          );
        return 'inserted' as const;
      } catch (err) {
        if (isDuplicate(err)) return 'duplicate' as const;
        throw err;
      }
    },
    findById: (paymentId) => find({ _id: paymentId }),
    async findLatestByOrder(orderId: string) {
      // By the attempts' derived ids (an index lookup on every engine); a filter on orderId only for
      // payments recorded before ids were derived (random `pay_…` ids), when none was found.
      const byId = await Model.find({ _id: { $in: paymentIdsOf(orderId) } }, NO_OUTBOX).lean<PaymentDoc[]>();
      const doc =
        byId.sort((a, b) => b.attempt - a.attempt)[0] ??
        (await Model.findOne({ orderId }, NO_OUTBOX).sort({ attempt: -1 }).lean<PaymentDoc>());
      return doc ? toDomain(doc) : null;
    },
    findByProviderRef: (provider, ref) => find({ 'providerRecord.refs': ref, provider }),
    async apply(paymentId: string, change: PaymentChange, at: Date) {
      const set: Record<string, unknown> = { updatedAt: at, ...(change.set ?? {}) };
      if (change.to) set.status = change.to;
      for (const [k, v] of Object.entries(change.provider ?? {})) set[`providerRecord.${k}`] = v;
      const update = withOutbox(
        { $set: set, ...(change.addRef ? { $push: { 'providerRecord.refs': change.addRef } } : {}) },
        change.events ?? [],
      );
      const filter: Record<string, unknown> = { _id: paymentId, status: { $in: [...change.from] } };
      if (change.expectRefs !== undefined) {
        // `refs.<n>` absent and `refs.<n-1>` present ⇔ exactly n references.
        filter[`providerRecord.refs.${change.expectRefs}`] = { $exists: false };
        if (change.expectRefs > 0) filter[`providerRecord.refs.${change.expectRefs - 1}`] = { $exists: true };
      }
      const res = await Model.updateOne(filter, update as never);
      return res.modifiedCount === 1;
    },
    async setOrderState(orderId: string, state: OrderState, at: Date) {
      const set = { $set: { orderState: state, updatedAt: at } };
      const res = await Model.updateMany({ _id: { $in: paymentIdsOf(orderId) } }, set);
      // Payments recorded before ids were derived (see findLatestByOrder).
      if (res.matchedCount === 0) await Model.updateMany({ orderId }, set);
    },
    listStale: (statuses, before, limit) =>
      many(
        // One status is an equality, which the dev engine evaluates in SQL; `$in` it would decode
        // every payment in Go, every sweep (2 s at 20,000 payments; docs/decisions/0019).
        { status: statuses.length === 1 ? statuses[0] : { $in: [...statuses] }, updatedAt: { $lt: before } },
        { updatedAt: 1 },
        limit,
      ),
    listCreatedBetween: (cooperativeId, from, to, limit) =>
      many(
        { ...(cooperativeId ? { cooperativeId } : {}), createdAt: { $gte: from, $lt: to } },
        { createdAt: 1 },
        limit,
      ),
    listByStatus: (cooperativeId, status, limit) => many({ cooperativeId, status }, { updatedAt: 1 }, limit),
  };
}

/**
 * A notification counts as handled only once it was acted on. One that was ignored (the status API
 * did not agree yet, the amount was wrong) is looked at again when it comes back: an early
 * "settlement" the status API still called pending must not hide the real one that follows.
 */
const handled = (n: { settledAt?: Date; outcome?: string } | null) =>
  Boolean(n?.settledAt) && n?.outcome !== 'ignored';

export function createNotificationLog(conn: Connection): NotificationLog & { init(): Promise<void> } {
  const Model = notificationModel(conn);
  return {
    async init() {
      await Model.init();
    },
    async record(n: NotificationRecord) {
      const { key, ...rest } = n;
      try {
        await Model.create({ _id: key, ...rest });
        return 'new' as const;
      } catch (err) {
        if (!isDuplicate(err)) throw err;
        const existing = await Model.findById(key).lean();
        return handled(existing) ? ('settled' as const) : ('seen' as const);
      }
    },
    async settle(key: string, outcome: string, reason: string | null) {
      await Model.updateOne({ _id: key }, { $set: { outcome, reason, settledAt: new Date() } });
    },
    async listUnfinished(before: Date, limit: number) {
      // `outcome` is a scalar equality, which the dev engine evaluates in SQL (docs/decisions/0019):
      // only the few unfinished ones are decoded, however long the log grows.
      const docs = await Model.find({ outcome: 'received', receivedAt: { $lt: before } })
        .sort({ receivedAt: 1 })
        .limit(limit)
        .lean();
      return docs.map(({ _id, settledAt: _settled, ...rest }) => ({
        key: _id,
        ...rest,
        provider: rest.provider as Provider,
      }));
    },
  };
}
