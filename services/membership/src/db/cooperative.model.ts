import type { PaymentMethod } from '@pasar/contracts';
import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** One document per cooperative; `_id` is the cooperative id code ("karangbesuki"). */
export interface CooperativeDoc {
  _id: string;
  name: string;
  marketName: string;
  ward: string;
  city: string;
  outletAddress: string;
  deliveryEnabled: boolean;
  deliveryFee: number;
  orderExpiryMinutes: number;
  /** Absent for cooperatives registered before online payments: every platform method. */
  paymentMethods?: PaymentMethod[];
  slug: string;
  description: string;
  openingHours: string;
  phone: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  outbox?: OutboxEntry[];
}

const CooperativeSchema = new Schema<CooperativeDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    marketName: { type: String, required: true },
    ward: { type: String, required: true },
    city: { type: String, required: true },
    outletAddress: { type: String, required: true },
    deliveryEnabled: { type: Boolean, required: true },
    deliveryFee: { type: Number, required: true },
    orderExpiryMinutes: { type: Number, required: true },
    paymentMethods: { type: [String], default: undefined },
    slug: { type: String, required: true },
    description: { type: String, default: '' },
    openingHours: { type: String, required: true },
    phone: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    version: { type: Number, required: true },
    // Pending events of the outbox (see @pasar/events outbox.ts), removed once published.
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'cooperatives', versionKey: false },
);

export function cooperativeModel(conn: Connection): Model<CooperativeDoc> {
  return conn.models.Cooperative ?? conn.model<CooperativeDoc>('Cooperative', CooperativeSchema);
}
