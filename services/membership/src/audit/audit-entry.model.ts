import { type Connection, type Model, Schema } from 'mongoose';

/** `_id` is the AuditRecorded event id: a redelivered event collides and is dropped. */
export interface AuditEntryDoc {
  _id: string;
  cooperativeId: string;
  actorId: string;
  actorRoles: string[];
  action: string;
  target: { type: string; id: string };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  at: Date;
  source: string;
  recordedAt: Date;
}

const AuditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    actorId: { type: String, required: true },
    actorRoles: { type: [String], default: [] },
    action: { type: String, required: true },
    target: { type: new Schema({ type: String, id: String }, { _id: false }), required: true },
    before: { type: Schema.Types.Mixed, default: undefined },
    after: { type: Schema.Types.Mixed, default: undefined },
    at: { type: Date, required: true },
    source: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'audit_entries', versionKey: false, minimize: false },
);
// The route's query: one cooperative, newest first, optionally one action.
AuditEntrySchema.index({ cooperativeId: 1, at: -1, _id: -1 });
AuditEntrySchema.index({ cooperativeId: 1, action: 1, at: -1, _id: -1 });

export function auditEntryModel(conn: Connection): Model<AuditEntryDoc> {
  return conn.models.AuditEntry ?? conn.model<AuditEntryDoc>('AuditEntry', AuditEntrySchema);
}
