import type { Envelope } from '@pasar/contracts';
import { type OutboxEntry, outboxFields } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';
import type { AuthEventRecord, AuthEventRepository } from '../use-cases/ports';

/** Append-only: one document per sign-in attempt, inserted with its AuditRecorded events. */
export interface AuthEventDoc {
  _id: string;
  kind: AuthEventRecord['kind'];
  personId: string | null;
  address: string;
  at: Date;
  outbox?: OutboxEntry[];
}

const AuthEventSchema = new Schema<AuthEventDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    personId: { type: String, default: null },
    address: { type: String, required: true },
    at: { type: Date, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'auth_events', versionKey: false },
);
AuthEventSchema.index({ personId: 1, at: 1 });

function authEventModel(conn: Connection): Model<AuthEventDoc> {
  return conn.models.AuthEvent ?? conn.model<AuthEventDoc>('AuthEvent', AuthEventSchema);
}

export interface MongoAuthEventRepository extends AuthEventRepository {
  init(): Promise<void>;
  collection: ReturnType<typeof authEventModel>['collection'];
}

export function createAuthEventRepository(conn: Connection): MongoAuthEventRepository {
  const Model = authEventModel(conn);
  return {
    collection: Model.collection,
    async init() {
      await Model.init();
    },
    async append(r: AuthEventRecord, events: Envelope[]) {
      await Model.create({
        _id: r.id,
        kind: r.kind,
        personId: r.personId,
        address: r.address,
        at: r.at,
        ...(events.length > 0 ? outboxFields(events) : {}),
      });
    },
  };
}
