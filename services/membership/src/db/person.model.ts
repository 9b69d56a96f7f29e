import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** One document per account; `_id` is the personId. No plain password or reset code is ever stored. */
export interface PersonDoc {
  _id: string;
  name: string;
  phone: string;
  email: string | null;
  passwordHash: string | null;
  grants: { cooperativeId: string; roles: string[]; position?: string }[];
  /** The cooperative ids of `grants`, flat, so "people of a cooperative" is a plain equality query. */
  cooperativeIds: string[];
  platform: string[];
  failedSignIns: number;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  resetCode: { digest: string; expiresAt: Date; issuedBy: string } | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox?: OutboxEntry[];
}

const GrantSchema = new Schema(
  {
    cooperativeId: { type: String, required: true },
    roles: { type: [String], required: true },
    position: String,
  },
  { _id: false },
);

const PersonSchema = new Schema<PersonDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    phone: { type: String, required: true },
    email: { type: String, default: null },
    passwordHash: { type: String, default: null },
    grants: { type: [GrantSchema], default: [] },
    cooperativeIds: { type: [String], default: [] },
    platform: { type: [String], default: [] },
    failedSignIns: { type: Number, default: 0 },
    lockedUntil: { type: Date, default: null },
    lastSignInAt: { type: Date, default: null },
    resetCode: {
      type: new Schema({ digest: String, expiresAt: Date, issuedBy: String }, { _id: false }),
      default: null,
    },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'people', versionKey: false },
);
PersonSchema.index({ phone: 1 }, { unique: true });
PersonSchema.index({ cooperativeIds: 1, _id: 1 });

export function personModel(conn: Connection): Model<PersonDoc> {
  return conn.models.Person ?? conn.model<PersonDoc>('Person', PersonSchema);
}
