import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * `_id` is the memberId. NIK as { hash, last4, encrypted? }: the HMAC for matching, the last four
 * digits, and the full number only under AES-256-GCM ({ kid, iv, tag, ciphertext }, see domain/nik.ts).
 */
export interface MemberDoc {
  _id: string;
  cooperativeId: string;
  displayName: string;
  roles: string[];
  phone: string | null;
  nik: {
    hash: string;
    last4: string;
    encrypted?: { kid: string; iv: string; tag: string; ciphertext: string };
  } | null;
  /** The person (account) this record belongs to, once linked; kept after erasure (the account is pseudonymised too). */
  personId?: string | null;
  erasure?: { pseudonym: string; erasedAt: Date } | null;
  /**
   * `nik:<hash>` when a NIK was given, else `id:<memberId>` (also after erasure): unique per
   * cooperative, so one NIK registers once without a partial or sparse index (FerretDB has neither).
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
    nik: {
      type: new Schema(
        {
          hash: String,
          last4: String,
          encrypted: {
            type: new Schema({ kid: String, iv: String, tag: String, ciphertext: String }, { _id: false }),
            default: undefined,
          },
        },
        { _id: false },
      ),
      default: null,
    },
    personId: { type: String, default: null },
    erasure: {
      type: new Schema({ pseudonym: String, erasedAt: Date }, { _id: false }),
      default: null,
    },
    identityKey: { type: String, required: true },
    createdAt: { type: Date, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'members', versionKey: false },
);
MemberSchema.index({ cooperativeId: 1, identityKey: 1 }, { unique: true });
MemberSchema.index({ cooperativeId: 1, _id: 1 });
MemberSchema.index({ personId: 1 });

export function memberModel(conn: Connection): Model<MemberDoc> {
  return conn.models.Member ?? conn.model<MemberDoc>('Member', MemberSchema);
}
