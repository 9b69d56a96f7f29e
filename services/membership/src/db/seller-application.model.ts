import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** `_id` is the applicationId (`sap_…`). */
export interface SellerApplicationDoc {
  _id: string;
  cooperativeId: string;
  memberId: string;
  personId: string;
  shopName: string;
  description: string;
  handoff: string;
  status: string;
  /**
   * `open:<memberId>` while pending, else `id:<applicationId>`: unique per cooperative, so a member has
   * at most one pending application without a partial index (FerretDB has none).
   */
  openKey: string;
  submittedAt: Date;
  decision: { by: string; at: Date; reason?: string } | null;
  version: number;
  outbox?: OutboxEntry[];
}

const SellerApplicationSchema = new Schema<SellerApplicationDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    memberId: { type: String, required: true },
    personId: { type: String, required: true },
    shopName: { type: String, required: true },
    description: { type: String, default: '' },
    handoff: { type: String, required: true },
    status: { type: String, required: true },
    openKey: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    decision: {
      type: new Schema({ by: String, at: Date, reason: String }, { _id: false }),
      default: null,
    },
    version: { type: Number, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'seller_applications', versionKey: false },
);
SellerApplicationSchema.index({ cooperativeId: 1, openKey: 1 }, { unique: true });
SellerApplicationSchema.index({ cooperativeId: 1, submittedAt: -1 });
SellerApplicationSchema.index({ cooperativeId: 1, personId: 1 });

export function sellerApplicationModel(conn: Connection): Model<SellerApplicationDoc> {
  return (
    conn.models.SellerApplication ??
    conn.model<SellerApplicationDoc>('SellerApplication', SellerApplicationSchema)
  );
}
