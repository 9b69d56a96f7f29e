import type { CooperativeRole, Envelope, PlatformRole, SellerHandoff } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { Seller, SellerStatus } from '../domain/seller';
import type { SellerRepository } from '../use-cases/ports';
import { type SellerDoc, sellerModel } from './seller.model';

const DUPLICATE_KEY = 11000;
const PROJECTION = { outbox: 0 } as const;

function toDomain(d: SellerDoc): Seller {
  return {
    sellerId: d._id,
    cooperativeId: d.cooperativeId,
    personId: d.personId,
    shopName: d.shopName,
    description: d.description,
    handoff: d.handoff as SellerHandoff,
    status: d.status as SellerStatus,
    applicationId: d.applicationId ?? null,
    approvedBy: {
      personId: d.approvedBy.personId,
      roles: d.approvedBy.roles as (CooperativeRole | PlatformRole)[],
    },
    since: d.since,
    suspension: d.suspension
      ? { reason: d.suspension.reason, by: d.suspension.by, at: d.suspension.at }
      : null,
    followUp: d.followUp === 'done' ? 'done' : 'pending',
    version: d.version,
  };
}

function toFields(s: Seller): Omit<SellerDoc, '_id'> {
  const { sellerId: _id, ...rest } = s;
  return rest;
}

export interface MongoSellerRepository extends SellerRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof sellerModel>['collection'];
}

export function createSellerRepository(conn: Connection): MongoSellerRepository {
  const Model = sellerModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(s: Seller, events: Envelope[]) {
      try {
        await Model.create({ _id: s.sellerId, ...toFields(s), ...outboxFields(events) });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
        throw err;
      }
    },
    async findById(sellerId: string) {
      const doc = await Model.findById(sellerId, PROJECTION).lean<SellerDoc>();
      return doc ? toDomain(doc) : null;
    },
    async listByCooperative(cooperativeId: string) {
      const docs = await Model.find({ cooperativeId }, PROJECTION)
        .sort({ since: 1, _id: 1 })
        .lean<SellerDoc[]>();
      return docs.map(toDomain);
    },
    async update(next: Seller, expectedVersion: number, events: Envelope[]) {
      // followUp is left out: only markFollowUpDone moves it, so a status change never undoes it.
      const { followUp: _f, ...fields } = toFields(next);
      const res = await Model.updateOne(
        { _id: next.sellerId, version: expectedVersion },
        withOutbox({ $set: fields as Record<string, unknown> }, events),
      );
      return res.matchedCount === 1;
    },
    async listFollowUpPending() {
      const docs = await Model.find({ followUp: 'pending' }, PROJECTION).lean<SellerDoc[]>();
      return docs.map(toDomain);
    },
    async markFollowUpDone(sellerId: string) {
      await Model.updateOne({ _id: sellerId }, { $set: { followUp: 'done' } });
    },
  };
}
