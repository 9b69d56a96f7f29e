import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** `_id` is the sellerId: the member id products carry. */
export interface SellerDoc {
  _id: string;
  cooperativeId: string;
  personId: string;
  shopName: string;
  description: string;
  handoff: string;
  status: string;
  applicationId: string | null;
  approvedBy: { personId: string; roles: string[] };
  since: Date;
  suspension: { reason: string; by: string; at: Date } | null;
  followUp: string;
  version: number;
  outbox?: OutboxEntry[];
}

const SellerSchema = new Schema<SellerDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    personId: { type: String, required: true },
    shopName: { type: String, required: true },
    description: { type: String, default: '' },
    handoff: { type: String, required: true },
    status: { type: String, required: true },
    applicationId: { type: String, default: null },
    approvedBy: { type: new Schema({ personId: String, roles: [String] }, { _id: false }), required: true },
    since: { type: Date, required: true },
    suspension: {
      type: new Schema({ reason: String, by: String, at: Date }, { _id: false }),
      default: null,
    },
    followUp: { type: String, required: true },
    version: { type: Number, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'sellers', versionKey: false },
);
SellerSchema.index({ cooperativeId: 1, since: 1 });
SellerSchema.index({ followUp: 1 });

export function sellerModel(conn: Connection): Model<SellerDoc> {
  return conn.models.Seller ?? conn.model<SellerDoc>('Seller', SellerSchema);
}
