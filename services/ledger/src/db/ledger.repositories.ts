import type { Envelope } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { JournalLine } from '../domain/journal';
import type {
  ConsignmentOrder,
  JournalRepository,
  ManualEntry,
  ManualEntryRepository,
  PeriodRecord,
  PeriodRepository,
  ReadModels,
  StoredEntry,
} from '../use-cases/ports';
import {
  type JournalEntryDoc,
  journalModel,
  type ManualEntryDoc,
  manualEntryModel,
  paymentProviderModel,
  type PeriodDoc,
  periodModel,
  type ConsignmentOrderDoc,
  consignmentOrderModel,
} from './ledger.models';

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === DUPLICATE_KEY;
const NO_OUTBOX = { outbox: 0 } as const;
const lines = (ls: JournalLine[]) =>
  ls.map((l) => ({ account: l.account, debit: l.debit, credit: l.credit }));

function toEntry(d: JournalEntryDoc): StoredEntry {
  return {
    entryId: d._id,
    cooperativeId: d.cooperativeId,
    period: d.period,
    occurredAt: d.occurredAt,
    sourceId: d.sourceId,
    kind: d.kind,
    memo: d.memo,
    lines: lines(d.lines),
    ...(d.reverses ? { reverses: d.reverses } : {}),
    ...(d.lateFor ? { lateFor: d.lateFor } : {}),
    seq: d.seq,
    postedAt: d.postedAt,
    ...(d.proposedBy ? { proposedBy: d.proposedBy } : {}),
    ...(d.approvedBy ? { approvedBy: d.approvedBy } : {}),
  };
}

/** The journal over `journal_entries`: insertOne and reads. No method updates or deletes an entry. */
export function createJournalRepository(conn: Connection): JournalRepository & {
  init(): Promise<void>;
  collection: ReturnType<typeof journalModel>['collection'];
} {
  const Model = journalModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(entry, events) {
      const { entryId, ...rest } = entry;
      try {
        await Model.collection.insertOne({
          _id: entryId,
          ...rest,
          ...(events.length ? outboxFields(events) : {}),
        } as never);
        return 'inserted';
      } catch (err) {
        if (isDuplicate(err)) return 'duplicate';
        throw err;
      }
    },
    async findById(entryId) {
      const d = await Model.collection.findOne({ _id: entryId } as never, { projection: NO_OUTBOX });
      return d ? toEntry(d as unknown as JournalEntryDoc) : null;
    },
    async list({ cooperativeId, from, to }) {
      const period = from ? { $gte: from, $lte: to } : { $lte: to };
      const docs = await Model.collection
        .find({ ...(cooperativeId ? { cooperativeId } : {}), period } as never, { projection: NO_OUTBOX })
        .toArray();
      return docs.map((d) => toEntry(d as unknown as JournalEntryDoc));
    },
  };
}

function toPeriod(d: PeriodDoc): PeriodRecord {
  return {
    cooperativeId: d.cooperativeId,
    period: d.period,
    status: d.status,
    admitted: d.admitted ?? 0,
    closedBy: d.closedBy ?? null,
    closedAt: d.closedAt ?? null,
  };
}

/**
 * Periods over `ledger_periods`. Admitting a posting and closing are single-document writes on the
 * same `<coop>:<YYYY-MM>` document, so they are ordered: every posting is admitted either before
 * the close (counted in `admitted`) or refused after it.
 */
export function createPeriodRepository(conn: Connection): PeriodRepository & {
  init(): Promise<void>;
  collection: ReturnType<typeof periodModel>['collection'];
} {
  const Model = periodModel(conn);
  const idOf = (cooperativeId: string, period: string) => `${cooperativeId}:${period}`;
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async admit(cooperativeId, period) {
      try {
        const d = await Model.collection.findOneAndUpdate(
          { _id: idOf(cooperativeId, period), status: 'open' } as never,
          {
            $inc: { admitted: 1 },
            $setOnInsert: { cooperativeId, period, closedBy: null, closedAt: null },
          } as never,
          // No projection: FerretDB's findAndModify does not take one.
          { upsert: true, returnDocument: 'after' },
        );
        return (d as unknown as { admitted: number } | null)?.admitted ?? null;
      } catch (err) {
        // The document exists but is not open: the upsert's insert collides with the closed one.
        if (isDuplicate(err)) return null;
        throw err;
      }
    },
    async close(cooperativeId, period, by, at, events) {
      const _id = idOf(cooperativeId, period);
      const set = { status: 'closed' as const, closedBy: by, closedAt: at.toISOString() };
      for (;;) {
        const r = await Model.collection.findOneAndUpdate(
          { _id, status: 'open' } as never,
          withOutbox({ $set: set }, events) as never,
          { returnDocument: 'after' },
        );
        if (r) return toPeriod(r as unknown as PeriodDoc);
        try {
          // Never posted to: it is born closed.
          const doc = { _id, cooperativeId, period, admitted: 0, ...set, ...outboxFields(events) };
          await Model.collection.insertOne(doc as never);
          return toPeriod(doc as PeriodDoc);
        } catch (err) {
          if (!isDuplicate(err)) throw err;
          const existing = await Model.collection.findOne({ _id } as never, { projection: { status: 1 } });
          if ((existing as { status?: string } | null)?.status === 'closed') return null;
          // Created open meanwhile by a first posting: close that one.
        }
      }
    },
    async find(cooperativeId, period) {
      const d = await Model.collection.findOne({ _id: idOf(cooperativeId, period) } as never, {
        projection: NO_OUTBOX,
      });
      return d ? toPeriod(d as unknown as PeriodDoc) : null;
    },
    async setTotals(cooperativeId, period, totals) {
      await Model.collection.updateOne(
        { _id: idOf(cooperativeId, period), status: 'closed' } as never,
        {
          $set: { totals: lines(totals) },
        } as never,
      );
    },
    async totals(cooperativeId) {
      const docs = await Model.collection
        .find({ cooperativeId, totals: { $exists: true } } as never, { projection: { period: 1, totals: 1 } })
        .toArray();
      return new Map(
        docs.map((d) => {
          const t = d as unknown as { period: string; totals: JournalLine[] };
          return [t.period, lines(t.totals)] as const;
        }),
      );
    },
    async list(cooperativeId) {
      const docs = await Model.collection
        .find({ cooperativeId } as never, { projection: { ...NO_OUTBOX, totals: 0 } })
        .toArray();
      return docs
        .map((d) => toPeriod(d as unknown as PeriodDoc))
        .sort((a, b) => (a.period < b.period ? -1 : 1));
    },
  };
}

function toManual(d: ManualEntryDoc): ManualEntry {
  const { _id, outbox: _o, ...rest } = d;
  return { id: _id, ...rest, lines: lines(d.lines as JournalLine[]) };
}

export function createManualEntryRepository(conn: Connection): ManualEntryRepository & {
  init(): Promise<void>;
  collection: ReturnType<typeof manualEntryModel>['collection'];
} {
  const Model = manualEntryModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(entry, events: Envelope[]) {
      const { id, ...rest } = entry;
      await Model.collection.insertOne({ _id: id, ...rest, ...outboxFields(events) } as never);
    },
    async findById(id) {
      const d = await Model.collection.findOne({ _id: id } as never, { projection: NO_OUTBOX });
      return d ? toManual(d as unknown as ManualEntryDoc) : null;
    },
    async transition(id, from, set, events) {
      const { id: _ignored, ...fields } = set;
      const r = await Model.collection.updateOne(
        { _id: id, status: { $in: [...from] } } as never,
        withOutbox({ $set: fields }, events) as never,
      );
      return r.modifiedCount === 1;
    },
    async list(cooperativeId, status) {
      const docs = await Model.collection
        .find({ cooperativeId, ...(status ? { status } : {}) } as never, { projection: NO_OUTBOX })
        .toArray();
      return docs
        .map((d) => toManual(d as unknown as ManualEntryDoc))
        .sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : -1));
    },
  };
}

function toConsignmentOrder(d: ConsignmentOrderDoc): ConsignmentOrder {
  return {
    orderId: d._id,
    cooperativeId: d.cooperativeId,
    handedOverAt: d.handedOverAt ?? null,
    sales: (d.sales ?? []).map((x) => ({ sellerId: x.sellerId, gross: x.gross, commission: x.commission })),
    undone: d.undone ?? [],
  };
}

/** The ledger's read models of events it consumed (payment providers, orders with consignment sales). */
export function createReadModels(conn: Connection): ReadModels & { init(): Promise<void> } {
  const Payments = paymentProviderModel(conn);
  const Orders = consignmentOrderModel(conn);
  /** One upsert per fact, answering the order as it stands after it (no projection: FerretDB). */
  const upsert = async (cooperativeId: string, orderId: string, update: Record<string, unknown>) => {
    const d = await Orders.collection.findOneAndUpdate(
      { _id: orderId } as never,
      { ...update, $setOnInsert: { cooperativeId } } as never,
      { upsert: true, returnDocument: 'after' },
    );
    return toConsignmentOrder(d as unknown as ConsignmentOrderDoc);
  };
  return {
    async init() {
      await Promise.all([Payments.init(), Orders.init()]);
    },
    async rememberPayment(paymentId, provider) {
      await Payments.collection.updateOne(
        { _id: paymentId } as never,
        { $set: { provider } },
        { upsert: true },
      );
    },
    async paymentProvider(paymentId) {
      const d = await Payments.collection.findOne({ _id: paymentId } as never);
      return (d as { provider?: string } | null)?.provider ?? null;
    },
    recordHandover: (cooperativeId, orderId, at) =>
      upsert(cooperativeId, orderId, { $set: { handedOverAt: at } }),
    recordConsignmentSale: (cooperativeId, orderId, sale) =>
      upsert(cooperativeId, orderId, {
        $addToSet: { sales: { sellerId: sale.sellerId, gross: sale.gross, commission: sale.commission } },
      }),
    recordConsignmentUndone: (cooperativeId, orderId, sellerId) =>
      upsert(cooperativeId, orderId, { $addToSet: { undone: sellerId } }),
  };
}
