import { type Connection, type Model, Schema } from 'mongoose';

/** `_id` is the SHA-256 (base64url) of the session id the client holds; the id is never stored. */
export interface SessionDoc {
  _id: string;
  personId: string;
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

const SessionSchema = new Schema<SessionDoc>(
  {
    _id: { type: String, required: true },
    personId: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'sessions', versionKey: false },
);
// No TTL index (FerretDB has none): ended sessions are harmless rows; a cleanup job can prune them.
SessionSchema.index({ personId: 1 });

export function sessionModel(conn: Connection): Model<SessionDoc> {
  return conn.models.Session ?? conn.model<SessionDoc>('Session', SessionSchema);
}
