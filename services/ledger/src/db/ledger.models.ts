import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ManualEntry, PeriodRecord, StoredEntry } from '../use-cases/ports';

const Line = new Schema({ account: String, debit: Number, credit: Number }, { _id: false });

/** `journal_entries`: `_id` = entry id (`je_<source event id>`), so a source posts once. Never updated but for the relay's outbox. */
export type JournalEntryDoc = Omit<StoredEntry, 'entryId'> & { _id: string; outbox?: OutboxEntry[] };

const JournalEntrySchema = new Schema<JournalEntryDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    period: { type: String, required: true },
    occurredAt: { type: String, required: true },
    sourceId: { type: String, required: true },
    kind: { type: String, required: true },
    memo: { type: String, required: true },
    lines: { type: [Line], required: true },
    reverses: { type: String },
    lateFor: { type: String },
    seq: { type: Number, required: true },
    postedAt: { type: String, required: true },
    proposedBy: { type: String },
    approvedBy: { type: String },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'journal_entries', versionKey: false },
);
// Reports read one cooperative's periods.
JournalEntrySchema.index({ cooperativeId: 1, period: 1 });

/** `ledger_periods`: `_id` = `<cooperativeId>:<YYYY-MM>`. */
export type PeriodDoc = PeriodRecord & { _id: string; outbox?: OutboxEntry[] };

const PeriodSchema = new Schema<PeriodDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    period: { type: String, required: true },
    status: { type: String, required: true },
    admitted: { type: Number, required: true, default: 0 },
    closedBy: { type: String, default: null },
    closedAt: { type: String, default: null },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'ledger_periods', versionKey: false },
);
PeriodSchema.index({ cooperativeId: 1, period: 1 });

/** `ledger_manual_entries`: the bendahara's proposals, pending until a second pengurus decides. */
export type ManualEntryDoc = Omit<ManualEntry, 'id'> & { _id: string; outbox?: OutboxEntry[] };

const ManualEntrySchema = new Schema<ManualEntryDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    memo: { type: String, required: true },
    occurredAt: { type: String, required: true },
    lines: { type: [Line], required: true },
    status: { type: String, required: true },
    proposedBy: { type: String, required: true },
    proposedAt: { type: String, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: String, default: null },
    rejectReason: { type: String, default: null },
    entryId: { type: String, default: null },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'ledger_manual_entries', versionKey: false },
);
ManualEntrySchema.index({ cooperativeId: 1, status: 1 });

export interface PaymentProviderDoc {
  _id: string;
  provider: string;
}
const PaymentProviderSchema = new Schema<PaymentProviderDoc>(
  { _id: { type: String, required: true }, provider: { type: String, required: true } },
  { collection: 'ledger_payment_providers', versionKey: false },
);

/** `ledger_consignment_orders`: per order, its handover time and the consignment sales payments recorded. */
export interface ConsignmentOrderDoc {
  _id: string;
  cooperativeId: string;
  handedOverAt: string | null;
  sales: { sellerId: string; gross: number; commission: number }[];
  undone: string[];
}
const ConsignmentOrderSchema = new Schema<ConsignmentOrderDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    handedOverAt: { type: String, default: null },
    sales: {
      type: [new Schema({ sellerId: String, gross: Number, commission: Number }, { _id: false })],
      default: [],
    },
    undone: { type: [String], default: [] },
  },
  { collection: 'ledger_consignment_orders', versionKey: false },
);

function model<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

export const journalModel = (conn: Connection) => model(conn, 'JournalEntry', JournalEntrySchema);
export const periodModel = (conn: Connection) => model(conn, 'LedgerPeriod', PeriodSchema);
export const manualEntryModel = (conn: Connection) => model(conn, 'ManualEntry', ManualEntrySchema);
export const paymentProviderModel = (conn: Connection) =>
  model(conn, 'LedgerPaymentProvider', PaymentProviderSchema);
export const consignmentOrderModel = (conn: Connection) =>
  model(conn, 'LedgerConsignmentOrder', ConsignmentOrderSchema);
