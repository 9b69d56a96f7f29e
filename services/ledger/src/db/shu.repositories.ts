import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { ShuRun } from '../domain/shu-run';
import type { MemberReadModels, MemberRecord, ShuRepository, TransactionSum } from '../use-cases/ports';
import {
  type AllocationDoc,
  allocationModel,
  type MemberDoc,
  memberModel,
  savingsModel,
  type ShuRunDoc,
  shuRunModel,
  transactionModel,
} from './shu.models';

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === DUPLICATE_KEY;
const NO_OUTBOX = { outbox: 0 } as const;

const toMember = (d: MemberDoc): MemberRecord => ({
  memberId: d._id,
  cooperativeId: d.cooperativeId,
  displayName: d.displayName,
  personId: d.personId ?? null,
  joinedAt: d.joinedAt,
});

/**
 * The members, their savings movements and their transactions, as the consumer heard them. Every
 * write is an upsert keyed by the fact (member id, event id, order and seller), so a redelivered
 * event rewrites the same document; SHU sums them with `$group` (FerretDB has `$sum`).
 */
export function createMemberReadModels(conn: Connection): MemberReadModels & { init(): Promise<void> } {
  const Members = memberModel(conn);
  const Savings = savingsModel(conn);
  const Transactions = transactionModel(conn);
  return {
    async init() {
      await Promise.all([Members.init(), Savings.init(), Transactions.init()]);
    },
    async recordMember(m) {
      const { memberId, personId, ...rest } = m;
      await Members.collection.updateOne(
        { _id: memberId } as never,
        personId ? { $set: { ...rest, personId } } : { $set: rest, $setOnInsert: { personId: null } },
        { upsert: true },
      );
    },
    async linkAccount(cooperativeId, memberId, personId) {
      const res = await Members.collection.updateOne({ _id: memberId, cooperativeId } as never, {
        $set: { personId },
      });
      return res.matchedCount === 1;
    },
    async members(cooperativeId) {
      const docs = await Members.collection.find({ cooperativeId } as never).toArray();
      return docs
        .map((d) => toMember(d as unknown as MemberDoc))
        .sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    },
    async memberByPerson(cooperativeId, personId) {
      const d = await Members.collection.findOne({ cooperativeId, personId } as never);
      return d ? toMember(d as unknown as MemberDoc) : null;
    },
    async recordSavings(r) {
      const { eventId, ...rest } = r;
      await Savings.collection.updateOne({ _id: eventId } as never, { $set: rest }, { upsert: true });
    },
    async recordTransaction(r) {
      const { id, ...rest } = r;
      await Transactions.collection.updateOne({ _id: id } as never, { $set: rest }, { upsert: true });
    },
    async savingsBalances(cooperativeId, to) {
      const rows = await Savings.collection
        .aggregate<{ _id: { memberId: string; kind: 'pokok' | 'wajib' | 'sukarela' }; amount: number }>([
          { $match: { cooperativeId, period: { $lte: to } } },
          { $group: { _id: { memberId: '$memberId', kind: '$kind' }, amount: { $sum: '$amount' } } },
        ])
        .toArray();
      const out = new Map<string, { pokok: number; wajib: number; sukarela: number }>();
      for (const r of rows) {
        const b = out.get(r._id.memberId) ?? { pokok: 0, wajib: 0, sukarela: 0 };
        b[r._id.kind] += r.amount;
        out.set(r._id.memberId, b);
      }
      return out;
    },
    async transactionSums(cooperativeId, from, to) {
      const rows = await Transactions.collection
        .aggregate<{ _id: Omit<TransactionSum, 'amount'>; amount: number }>([
          { $match: { cooperativeId, period: { $gte: from, $lte: to } } },
          {
            $group: {
              _id: { kind: '$kind', personId: '$personId', memberId: '$memberId', period: '$period' },
              amount: { $sum: '$amount' },
            },
          },
        ])
        .toArray();
      return rows.map((r) => ({
        kind: r._id.kind,
        personId: r._id.personId ?? null,
        memberId: r._id.memberId ?? null,
        period: r._id.period,
        amount: r.amount,
      }));
    },
  };
}

function toRun(d: ShuRunDoc): ShuRun {
  const { _id, outbox: _o, ...run } = d;
  return run as ShuRun;
}

/** SHU allocations and runs: one document per cooperative, one per cooperative and year. */
export function createShuRepository(conn: Connection): ShuRepository & {
  init(): Promise<void>;
  collections: {
    shu: ReturnType<typeof shuRunModel>['collection'];
    allocations: ReturnType<typeof allocationModel>['collection'];
  };
} {
  const Allocations = allocationModel(conn);
  const Runs = shuRunModel(conn);
  const runId = (cooperativeId: string, year: number) => `${cooperativeId}:${year}`;
  return {
    collections: { shu: Runs.collection, allocations: Allocations.collection },
    async init() {
      await Promise.all([Allocations.init(), Runs.init()]);
    },
    async allocation(cooperativeId) {
      const d = (await Allocations.collection.findOne({ _id: cooperativeId } as never, {
        projection: NO_OUTBOX,
      })) as unknown as AllocationDoc | null;
      return d
        ? { cooperativeId, allocation: d.allocation, updatedBy: d.updatedBy, updatedAt: d.updatedAt }
        : null;
    },
    async putAllocation(record, events) {
      const { cooperativeId, ...rest } = record;
      await Allocations.collection.updateOne(
        { _id: cooperativeId } as never,
        withOutbox({ $set: rest }, events) as never,
        { upsert: true },
      );
    },
    async findRun(cooperativeId, year) {
      const d = await Runs.collection.findOne({ _id: runId(cooperativeId, year) } as never, {
        projection: NO_OUTBOX,
      });
      return d ? toRun(d as unknown as ShuRunDoc) : null;
    },
    async listRuns(cooperativeId) {
      const docs = await Runs.collection
        .find({ cooperativeId } as never, { projection: { year: 1, status: 1, shu: 1, ratDate: 1 } })
        .toArray();
      return docs
        .map((d) => {
          const r = d as unknown as ShuRun;
          return { year: r.year, status: r.status, shu: r.shu, ratDate: r.ratDate ?? null };
        })
        .sort((a, b) => b.year - a.year);
    },
    async saveDraft(run, events) {
      const _id = runId(run.cooperativeId, run.year);
      if (run.version === 1) {
        try {
          await Runs.collection.insertOne({ _id, ...run, ...outboxFields(events) } as never);
          return true;
        } catch (err) {
          if (isDuplicate(err)) return false;
          throw err;
        }
      }
      const r = await Runs.collection.updateOne(
        { _id, status: 'draft', version: run.version - 1 } as never,
        withOutbox({ $set: run as unknown as Record<string, unknown> }, events) as never,
      );
      return r.modifiedCount === 1;
    },
    async transition(cooperativeId, year, from, version, set, events) {
      const d = await Runs.collection.findOneAndUpdate(
        { _id: runId(cooperativeId, year), status: from, version } as never,
        withOutbox({ $set: { ...set, version: version + 1 } }, events) as never,
        { returnDocument: 'after' },
      );
      return d ? toRun(d as unknown as ShuRunDoc) : null;
    },
  };
}
