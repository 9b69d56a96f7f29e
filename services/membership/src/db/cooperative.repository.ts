import type { Envelope } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { Cooperative } from '../domain/cooperative';
import type { CooperativeRepository } from '../use-cases/ports';
import { type CooperativeDoc, cooperativeModel } from './cooperative.model';

const DUPLICATE_KEY = 11000;

function toDomain(d: CooperativeDoc): Cooperative {
  const { _id, outbox: _o, ...rest } = d;
  return { ...rest, cooperativeId: _id };
}

function toFields(c: Cooperative): Omit<CooperativeDoc, '_id'> {
  const { cooperativeId: _id, ...rest } = c;
  return rest;
}

export interface MongoCooperativeRepository extends CooperativeRepository {
  /** Builds the indexes; await before serving. */
  init(): Promise<void>;
  /** The raw collection, for the outbox relay. */
  collection: ReturnType<typeof cooperativeModel>['collection'];
}

export function createCooperativeRepository(conn: Connection): MongoCooperativeRepository {
  const Model = cooperativeModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(c: Cooperative, events: Envelope[]) {
      try {
        await Model.create({ _id: c.cooperativeId, ...toFields(c), ...outboxFields(events) });
        return true;
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
        throw err;
      }
    },
    async findById(cooperativeId: string) {
      const doc = await Model.findById(cooperativeId, { outbox: 0 }).lean<CooperativeDoc>();
      return doc ? toDomain(doc) : null;
    },
    async list() {
      const docs = await Model.find({}, { outbox: 0 }).sort({ name: 1 }).lean<CooperativeDoc[]>();
      return docs.map(toDomain);
    },
    async update(next: Cooperative, expectedVersion: number, events: Envelope[]) {
      const res = await Model.updateOne(
        { _id: next.cooperativeId, version: expectedVersion },
        withOutbox({ $set: toFields(next) as Record<string, unknown> }, events),
      );
      return res.matchedCount === 1;
    },
  };
}
