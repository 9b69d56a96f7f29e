import type { Envelope } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import { erasedDisplayName, type Member, type MemberErasure, type MemberRole } from '../domain/member';
import type { MemberPrivacyRepository } from '../privacy/ports';
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
    nik: d.nik
      ? {
          hash: d.nik.hash,
          last4: d.nik.last4,
          ...(d.nik.encrypted?.ciphertext
            ? {
                encrypted: {
                  kid: d.nik.encrypted.kid,
                  iv: d.nik.encrypted.iv,
                  tag: d.nik.encrypted.tag,
                  ciphertext: d.nik.encrypted.ciphertext,
                },
              }
            : {}),
        }
      : null,
    personId: d.personId ?? null,
    erasure: d.erasure ? { pseudonym: d.erasure.pseudonym, erasedAt: d.erasure.erasedAt } : null,
    createdAt: d.createdAt,
  };
}

export interface MongoMemberRepository extends MemberRepository, MemberPrivacyRepository {
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
    async findByPerson(cooperativeId: string, personId: string) {
      const doc = await Model.findOne({ cooperativeId, personId }, PROJECTION)
        .sort({ _id: 1 })
        .lean<MemberDoc>();
      return doc ? toDomain(doc) : null;
    },
    async linkPerson(memberId: string, personId: string, events: Envelope[] = []) {
      const res = await Model.updateOne(
        { _id: memberId, personId: null },
        withOutbox({ $set: { personId } }, events),
      );
      return res.modifiedCount === 1;
    },
    async addRole(memberId: string, role: MemberRole) {
      await Model.updateOne({ _id: memberId }, { $addToSet: { roles: role } });
    },
    async listByPerson(personId: string) {
      const docs = await Model.find({ personId }, PROJECTION).sort({ _id: 1 }).lean<MemberDoc[]>();
      return docs.map(toDomain);
    },
    async pseudonymise(memberId: string, erasure: MemberErasure, events: Envelope[]) {
      // One single-document write: the personal fields go, the audit event is stored with it.
      // The NIK's HMAC goes too (identityKey falls back to the member id), so the old NIK matches
      // nothing any more and may register again; memberId, cooperativeId, roles, createdAt and
      // personId stay, so savings, ledger entries and orders keep pointing at this record.
      const res = await Model.updateOne(
        { _id: memberId, erasure: null },
        withOutbox(
          {
            $set: {
              displayName: erasedDisplayName(erasure.pseudonym),
              phone: null,
              nik: null,
              identityKey: `id:${memberId}`,
              erasure,
            },
            $unset: { address: '' },
          },
          events,
        ),
        { strict: false },
      );
      return res.modifiedCount === 1;
    },
  };
}
