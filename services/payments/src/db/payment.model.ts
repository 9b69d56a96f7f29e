import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';

/** One document per payment attempt; `_id` is the paymentId (`pay_…`). */
export interface PaymentDoc {
  _id: string;
  orderId: string;
  attempt: number;
  cooperativeId: string;
  provider: string;
  paymentMethod: string;
  amount: number;
  currency: 'IDR';
  status: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  voidReason: string | null;
  outbox?: OutboxEntry[];
}

const PaymentSchema = new Schema<PaymentDoc>(
  {
    _id: { type: String, required: true },
    orderId: { type: String, required: true },
    attempt: { type: Number, required: true },
    cooperativeId: { type: String, required: true },
    provider: { type: String, required: true },
    paymentMethod: { type: String, required: true },
    amount: { type: Number, required: true },
    currency: { type: String, required: true, default: 'IDR' },
    status: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    voidReason: { type: String, default: null },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'payments', versionKey: false },
);
// The idempotency key of a payment request: a redelivered request can never open a second attempt.
PaymentSchema.index({ orderId: 1, attempt: 1 }, { unique: true });

export function paymentModel(conn: Connection): Model<PaymentDoc> {
  return conn.models.Payment ?? conn.model<PaymentDoc>('Payment', PaymentSchema);
}
