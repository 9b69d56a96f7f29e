import type { Envelope, SellerHandoff } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { ApplicationStatus, SellerApplication } from '../domain/seller-application';
import type { ApplicationInsertResult, SellerApplicationRepository } from '../use-cases/ports';
import { type SellerApplicationDoc, sellerApplicationModel } from './seller-application.model';

const DUPLICATE_KEY = 11000;
const PROJECTION = { outbox: 0, openKey: 0 } as const;

const openKeyOf = (a: SellerApplication) =>
  a.status === 'pending' ? `open:${a.memberId}` : `id:${a.applicationId}`;

function toDomain(d: SellerApplicationDoc): SellerApplication {
  return {
    applicationId: d._id,
    cooperativeId: d.cooperativeId,
    memberId: d.memberId,
    personId: d.personId,
    shopName: d.shopName,
    description: d.description,
    handoff: d.handoff as SellerHandoff,
    status: d.status as ApplicationStatus,
    submittedAt: d.submittedAt,
    decision: d.decision
      ? { by: d.decision.by, at: d.decision.at, ...(d.decision.reason ? { reason: d.decision.reason } : {}) }
      : null,
    version: d.version,
  };
}

function toFields(a: SellerApplication) {
  const { applicationId: _id, ...rest } = a;
  return { ...rest, openKey: openKeyOf(a) };
}

export interface MongoSellerApplicationRepository extends SellerApplicationRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof sellerApplicationModel>['collection'];
}

export function createSellerApplicationRepository(conn: Connection): MongoSellerApplicationRepository {
  const Model = sellerApplicationModel(conn);
  const many = async (filter: Record<string, unknown>) =>
    (
      await Model.find(filter, PROJECTION).sort({ submittedAt: -1, _id: -1 }).lean<SellerApplicationDoc[]>()
    ).map(toDomain);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(a: SellerApplication, events: Envelope[]): Promise<ApplicationInsertResult> {
      try {
        await Model.create({ _id: a.applicationId, ...toFields(a), ...outboxFields(events) });
        return 'inserted';
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return 'duplicate-open';
        throw err;
      }
    },
    async findById(applicationId: string) {
      const doc = await Model.findById(applicationId, PROJECTION).lean<SellerApplicationDoc>();
      return doc ? toDomain(doc) : null;
    },
    async findOpen(cooperativeId: string, memberId: string) {
      const doc = await Model.findOne(
        { cooperativeId, openKey: `open:${memberId}` },
        PROJECTION,
      ).lean<SellerApplicationDoc>();
      return doc ? toDomain(doc) : null;
    },
    listByCooperative: (cooperativeId: string, status?: ApplicationStatus) =>
      many(status ? { cooperativeId, status } : { cooperativeId }),
    listByPerson: (cooperativeId: string, personId: string) => many({ cooperativeId, personId }),
    async update(next: SellerApplication, expectedVersion: number, events: Envelope[]) {
      const res = await Model.updateOne(
        { _id: next.applicationId, version: expectedVersion },
        withOutbox({ $set: toFields(next) as Record<string, unknown> }, events),
      );
      return res.matchedCount === 1;
    },
  };
}
