import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';
import type { OrderState, ProviderRecord, Refund } from '../domain/payment';

/** One document per payment attempt; `_id` is the paymentId (`pay_…`). */
export interface PaymentDoc {
  _id: string;
  orderId: string;
  attempt: number;
  cooperativeId: string;
  provider: string;
  paymentMethod: string;
  amount: number;
  captured?: number;
  refunded?: number;
  currency: 'IDR';
  status: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  voidReason: string | null;
  failureReason?: string | null;
  providerRecord?: ProviderRecord;
  refund?: Refund | null;
  orderState?: OrderState;
  correlationId?: string;
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
    captured: { type: Number, default: 0 },
    refunded: { type: Number, default: 0 },
    currency: { type: String, required: true, default: 'IDR' },
    status: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    voidReason: { type: String, default: null },
    failureReason: { type: String, default: null },
    providerRecord: { type: Schema.Types.Mixed },
    refund: { type: Schema.Types.Mixed, default: null },
    orderState: { type: String, default: 'awaiting' },
    correlationId: { type: String },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'payments', versionKey: false, minimize: false },
);
// The idempotency key of a payment request: a redelivered request can never open a second attempt.
PaymentSchema.index({ orderId: 1, attempt: 1 }, { unique: true });
// A notification names the provider's reference; it must find its payment without a scan.
PaymentSchema.index({ 'providerRecord.refs': 1 });
// The sweeper's and the reconciliation's lists.
PaymentSchema.index({ status: 1, updatedAt: 1 });
PaymentSchema.index({ cooperativeId: 1, createdAt: 1 });

export function paymentModel(conn: Connection): Model<PaymentDoc> {
  return conn.models.Payment ?? conn.model<PaymentDoc>('Payment', PaymentSchema);
}

/** Every provider message received, keyed by (provider, reference, transaction, status). */
export interface NotificationDoc {
  _id: string;
  provider: string;
  ref: string;
  status: string;
  outcome: string;
  reason: string | null;
  receivedAt: Date;
  settledAt?: Date;
}

const NotificationSchema = new Schema<NotificationDoc>(
  {
    _id: { type: String, required: true },
    provider: { type: String, required: true },
    ref: { type: String, required: true },
    status: { type: String, required: true },
    outcome: { type: String, required: true },
    reason: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    settledAt: { type: Date },
  },
  { collection: 'provider_notifications', versionKey: false },
);
NotificationSchema.index({ ref: 1 });
// The sweeper's list of notifications whose handling never finished.
NotificationSchema.index({ outcome: 1, receivedAt: 1 });

export function notificationModel(conn: Connection): Model<NotificationDoc> {
  return (
    conn.models.ProviderNotification ??
    conn.model<NotificationDoc>('ProviderNotification', NotificationSchema)
  );
}
