import type { Connection } from 'mongoose';
import type { AuditEntry, AuditEntryQuery, AuditEntryRepository } from './audit-entry';
import { type AuditEntryDoc, auditEntryModel } from './audit-entry.model';

const DUPLICATE_KEY = 11000;

function toDomain(d: AuditEntryDoc): AuditEntry {
  return {
    id: d._id,
    cooperativeId: d.cooperativeId,
    actorId: d.actorId,
    actorRoles: d.actorRoles ?? [],
    action: d.action,
    target: { type: d.target.type, id: d.target.id },
    ...(d.before ? { before: d.before } : {}),
    ...(d.after ? { after: d.after } : {}),
    at: d.at,
    source: d.source,
    recordedAt: d.recordedAt,
  };
}

export interface MongoAuditEntryRepository extends AuditEntryRepository {
  init(): Promise<void>;
}

/** The `audit_entries` collection: insert and read, nothing else (append-only by construction). */
export function createAuditEntryRepository(conn: Connection): MongoAuditEntryRepository {
  const Model = auditEntryModel(conn);
  return {
    async init() {
      await Model.init();
    },
    async append(entry) {
      const { id, ...rest } = entry;
      try {
        // biome-ignore lint/suspicious/noExplicitAny: the driver types _id as ObjectId; ours is the event id
        await Model.collection.insertOne({ _id: id, ...rest } as any);
        return 'inserted';
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return 'duplicate';
        throw err;
      }
    },
    async list(cooperativeId: string, q: AuditEntryQuery) {
      const filter: Record<string, unknown> = { cooperativeId };
      if (q.action) filter.action = q.action;
      if (q.before)
        filter.$or = [{ at: { $lt: q.before.at } }, { at: q.before.at, _id: { $lt: q.before.id } }];
      const docs = await Model.find(filter).sort({ at: -1, _id: -1 }).limit(q.limit).lean<AuditEntryDoc[]>();
      return docs.map(toDomain);
    },
  };
}
