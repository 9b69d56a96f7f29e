import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** `_id` is the memberId. NIK only as { hash, last4 }: the raw number is never stored. */
export interface MemberDoc {
  _id: string;
  cooperativeId: string;
  displayName: string;
  roles: string[];
  phone: string | null;
  nik: { hash: string; last4: string } | null;
  /**
   * `nik:<hash>` when a NIK was given, else `id:<memberId>`: unique per cooperative, so one NIK
   * registers once without a partial or sparse index (FerretDB has neither).
   */
  identityKey: string;
  createdAt: Date;
  outbox?: OutboxEntry[];
}

const MemberSchema = new Schema<MemberDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    displayName: { type: String, required: true },
    roles: { type: [String], required: true },
    phone: { type: String, default: null },
    nik: { type: new Schema({ hash: String, last4: String }, { _id: false }), default: null },
    identityKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'members', versionKey: false },
);
MemberSchema.index({ cooperativeId: 1, identityKey: 1 }, { unique: true });
MemberSchema.index({ cooperativeId: 1, _id: 1 });

export function memberModel(conn: Connection): Model<MemberDoc> {
  return conn.models.Member ?? conn.model<MemberDoc>('Member', MemberSchema);
}
