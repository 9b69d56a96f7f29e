import type { Envelope } from '@pasar/contracts';
import { outboxFields } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { Member, MemberRole } from '../domain/member';
import type { MemberInsertResult, MemberRepository } from '../use-cases/ports';
import { type MemberDoc, memberModel } from './member.model';

const DUPLICATE_KEY = 11000;
const PROJECTION = { outbox: 0, identityKey: 0 } as const;

function toDomain(d: MemberDoc): Member {
  return {
    memberId: d._id,
    cooperativeId: d.cooperativeId,
    displayName: d.displayName,
    roles: d.roles as MemberRole[],
    phone: d.phone ?? null,
    nik: d.nik ? { hash: d.nik.hash, last4: d.nik.last4 } : null,
    createdAt: d.createdAt,
  };
}

export interface MongoMemberRepository extends MemberRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof memberModel>['collection'];
}

export function createMemberRepository(conn: Connection): MongoMemberRepository {
  const Model = memberModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(m: Member, events: Envelope[]): Promise<MemberInsertResult> {
      const { memberId, ...rest } = m;
      const identityKey = m.nik ? `nik:${m.nik.hash}` : `id:${memberId}`;
      try {
        await Model.create({ _id: memberId, ...rest, identityKey, ...outboxFields(events) });
        return 'inserted';
      } catch (err) {
        if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
        // Which unique key clashed: the error's shape differs between MongoDB and FerretDB, so ask.
        return (await Model.exists({ _id: memberId })) ? 'duplicate-id' : 'duplicate-nik';
      }
    },
    async findById(memberId: string) {
      const doc = await Model.findById(memberId, PROJECTION).lean<MemberDoc>();
      return doc ? toDomain(doc) : null;
    },
    async list(cooperativeId: string, opts: { limit: number; after?: string }) {
      const filter = opts.after ? { cooperativeId, _id: { $gt: opts.after } } : { cooperativeId };
      const docs = await Model.find(filter, PROJECTION)
        .sort({ _id: 1 })
        .limit(opts.limit)
        .lean<MemberDoc[]>();
      return docs.map(toDomain);
    },
  };
}
