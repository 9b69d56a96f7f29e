import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { ShuRun } from '../domain/shu-run';
import type { MemberReadModels, MemberRecord, ShuRepository, TransactionSum } from '../use-cases/ports';
import {
  type AllocationDoc,
  allocationModel,
  type MemberDoc,
  memberModel,
  type SavingsBucketDoc,
  savingsModel,
  type ShuRunDoc,
  shuRunModel,
  type TransactionBucketDoc,
  transactionModel,
} from './shu.models';

const DUPLICATE_KEY = 11000;
/** A fact's id as a field name: no dots (a path separator) and no leading `$`. */
const factKey = (id: string) => id.replace(/[.$]/g, '_');
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
 * write is an upsert that sets one field keyed by the fact (event id, order and seller), so a
 * redelivered event rewrites the same field; SHU reads one document per member or account and
 * sums the facts in its period range.
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
      await Savings.collection.updateOne(
        { _id: `${r.cooperativeId}:${r.memberId}` } as never,
        {
          $set: {
            cooperativeId: r.cooperativeId,
            memberId: r.memberId,
            [`facts.${factKey(r.eventId)}`]: { kind: r.kind, amount: r.amount, period: r.period },
          },
        },
        { upsert: true },
      );
    },
    async recordTransaction(r) {
      const who = r.kind === 'purchase' ? r.personId : r.memberId;
      const year = Number(r.period.slice(0, 4));
      await Transactions.collection.updateOne(
        { _id: `${r.cooperativeId}:${year}:${r.kind}:${who}` } as never,
        {
          $set: {
            cooperativeId: r.cooperativeId,
            year,
            kind: r.kind,
            personId: r.personId,
            memberId: r.memberId,
            [`facts.${factKey(r.id)}`]: { orderId: r.orderId, amount: r.amount, period: r.period },
          },
        },
        { upsert: true },
      );
    },
    async savingsBalances(cooperativeId, to) {
      const docs = (await Savings.collection
        .find({ cooperativeId } as never)
        .toArray()) as unknown as SavingsBucketDoc[];
      const out = new Map<string, { pokok: number; wajib: number; sukarela: number }>();
      for (const d of docs) {
        const b = { pokok: 0, wajib: 0, sukarela: 0 };
        for (const f of Object.values(d.facts ?? {})) if (f.period <= to) b[f.kind] += f.amount;
        out.set(d.memberId, b);
      }
      return out;
    },
    async transactionSums(cooperativeId, from, to) {
      const docs = (await Transactions.collection
        .find({
          cooperativeId,
          year: { $gte: Number(from.slice(0, 4)), $lte: Number(to.slice(0, 4)) },
        } as never)
        .toArray()) as unknown as TransactionBucketDoc[];
      const sums = new Map<string, TransactionSum>();
      for (const d of docs)
        for (const f of Object.values(d.facts ?? {})) {
          if (f.period < from || f.period > to) continue;
          const key = `${d._id}:${f.period}`;
          const s = sums.get(key) ?? {
            kind: d.kind,
            personId: d.personId ?? null,
            memberId: d.memberId ?? null,
            period: f.period,
            amount: 0,
          };
          s.amount += f.amount;
          sums.set(key, s);
        }
      return [...sums.values()];
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
