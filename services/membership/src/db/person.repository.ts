import type { BoardPosition, CooperativeRole, Envelope, PlatformRole } from '@pasar/contracts';
import { outboxFields, withOutbox } from '@pasar/events';
import type { Connection } from 'mongoose';
import type { Person } from '../domain/person';
import type { PersonInsertResult, PersonRepository } from '../use-cases/ports';
import { type PersonDoc, personModel } from './person.model';

const DUPLICATE_KEY = 11000;
const PROJECTION = { outbox: 0 } as const;

function toDomain(d: PersonDoc): Person {
  return {
    personId: d._id,
    name: d.name,
    phone: d.phone,
    email: d.email ?? null,
    passwordHash: d.passwordHash ?? null,
    grants: (d.grants ?? []).map((g) => ({
      cooperativeId: g.cooperativeId,
      roles: g.roles as CooperativeRole[],
      ...(g.position ? { position: g.position as BoardPosition } : {}),
    })),
    platform: (d.platform ?? []) as PlatformRole[],
    failedSignIns: d.failedSignIns ?? 0,
    lockedUntil: d.lockedUntil ?? null,
    lastSignInAt: d.lastSignInAt ?? null,
    resetCode: d.resetCode?.digest
      ? { digest: d.resetCode.digest, expiresAt: d.resetCode.expiresAt, issuedBy: d.resetCode.issuedBy }
      : null,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

function toFields(p: Person): Omit<PersonDoc, '_id' | 'outbox'> {
  const { personId: _id, ...rest } = p;
  return { ...rest, cooperativeIds: p.grants.map((g) => g.cooperativeId) };
}

export interface MongoPersonRepository extends PersonRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof personModel>['collection'];
}

export function createPersonRepository(conn: Connection): MongoPersonRepository {
  const Model = personModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async insert(p: Person, events: Envelope[]): Promise<PersonInsertResult> {
      try {
        await Model.create({ _id: p.personId, ...toFields(p), ...outboxFields(events) });
        return 'inserted';
      } catch (err) {
        if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
        return (await Model.exists({ _id: p.personId })) ? 'duplicate-id' : 'duplicate-phone';
      }
    },
    async findById(personId: string) {
      const doc = await Model.findById(personId, PROJECTION).lean<PersonDoc>();
      return doc ? toDomain(doc) : null;
    },
    async findByPhone(phone: string) {
      const doc = await Model.findOne({ phone }, PROJECTION).lean<PersonDoc>();
      return doc ? toDomain(doc) : null;
    },
    async update(next: Person, expectedVersion: number, events: Envelope[]) {
      try {
        const res = await Model.updateOne(
          { _id: next.personId, version: expectedVersion },
          withOutbox({ $set: toFields(next) as Record<string, unknown> }, events),
        );
        return res.matchedCount === 1;
      } catch (err) {
        if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
        throw err;
      }
    },
    async listByCooperative(cooperativeId: string, opts: { limit: number; after?: string }) {
      const filter = opts.after
        ? { cooperativeIds: cooperativeId, _id: { $gt: opts.after } }
        : { cooperativeIds: cooperativeId };
      const docs = await Model.find(filter, PROJECTION)
        .sort({ _id: 1 })
        .limit(opts.limit)
        .lean<PersonDoc[]>();
      return docs.map(toDomain);
    },
    async countKetua(cooperativeId: string) {
      // Filtered in code: FerretDB's $elemMatch support is partial, and a cooperative's board is small.
      const docs = await Model.find({ cooperativeIds: cooperativeId }, { grants: 1 }).lean<PersonDoc[]>();
      return docs.filter((d) =>
        d.grants.some(
          (g) => g.cooperativeId === cooperativeId && g.position === 'ketua' && g.roles.includes('pengurus'),
        ),
      ).length;
    },
    async recordSignInFailure(personId, now, policy) {
      const doc = await Model.findOneAndUpdate(
        { _id: personId },
        { $inc: { failedSignIns: 1 } },
        { new: true }, // no projection: FerretDB's findAndModify does not support `fields`
      ).lean<Pick<PersonDoc, 'failedSignIns'>>();
      const count = doc?.failedSignIns ?? 0;
      if (count > 0 && count % policy.maxFailures === 0) {
        await Model.updateOne(
          { _id: personId },
          { $set: { lockedUntil: new Date(now.getTime() + policy.blockSeconds * 1000) } },
        );
      }
      return count;
    },
    async recordSignInSuccess(personId, now) {
      await Model.updateOne(
        { _id: personId },
        { $set: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now } },
      );
    },
    async pseudonymise(personId: string, pseudonym: string) {
      const res = await Model.updateOne(
        { _id: personId },
        {
          $set: {
            name: pseudonym,
            // The unique phone index needs a distinct value; this one is no phone anybody has.
            phone: `erased:${personId}`,
            email: null,
            passwordHash: null,
            resetCode: null,
            failedSignIns: 0,
            lockedUntil: null,
            updatedAt: new Date(),
          },
          $inc: { version: 1 },
        },
      );
      return res.matchedCount === 1;
    },
  };
}
