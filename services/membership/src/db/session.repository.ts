import type { Connection } from 'mongoose';
import type { Session } from '../domain/session';
import type { SessionRepository } from '../use-cases/ports';
import { type SessionDoc, sessionModel } from './session.model';

const toDomain = (d: SessionDoc): Session => ({
  digest: d._id,
  personId: d.personId,
  createdAt: d.createdAt,
  lastSeenAt: d.lastSeenAt,
  revokedAt: d.revokedAt ?? null,
});

export interface MongoSessionRepository extends SessionRepository {
  init(): Promise<void>;
}

export function createSessionRepository(conn: Connection): MongoSessionRepository {
  const Model = sessionModel(conn);
  return {
    async init() {
      await Model.init();
    },
    async insert(s: Session) {
      await Model.create({
        _id: s.digest,
        personId: s.personId,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        revokedAt: s.revokedAt,
      });
    },
    async findByDigest(digest: string) {
      const doc = await Model.findById(digest).lean<SessionDoc>();
      return doc ? toDomain(doc) : null;
    },
    async touch(digest: string, now: Date) {
      await Model.updateOne({ _id: digest, revokedAt: null }, { $set: { lastSeenAt: now } });
    },
    async revoke(digest: string, now: Date) {
      await Model.updateOne({ _id: digest, revokedAt: null }, { $set: { revokedAt: now } });
    },
    async revokeAllOf(personId: string, now: Date) {
      const res = await Model.updateMany({ personId, revokedAt: null }, { $set: { revokedAt: now } });
      return res.modifiedCount;
    },
  };
}
