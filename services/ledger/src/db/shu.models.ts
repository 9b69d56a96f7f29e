import type { OutboxEntry } from '@pasar/events';
import { type Connection, type Model, Schema } from 'mongoose';
import type { ShuRun } from '../domain/shu-run';
import type { AllocationRecord, MemberRecord, SavingsRecord, TransactionRecord } from '../use-cases/ports';

function model<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  return (conn.models[name] as Model<T> | undefined) ?? conn.model<T>(name, schema);
}

/** `ledger_members`: `_id` = member id, from MemberRegistered (an upsert: a redelivery changes nothing). */
export type MemberDoc = Omit<MemberRecord, 'memberId'> & { _id: string };
const MemberSchema = new Schema<MemberDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    displayName: { type: String, required: true },
    personId: { type: String, default: null },
    joinedAt: { type: String, required: true },
  },
  { collection: 'ledger_members', versionKey: false },
);
MemberSchema.index({ cooperativeId: 1, personId: 1 });

/**
 * `ledger_member_savings`: one document per member (`<coop>:<member>`), each savings movement a
 * field of `facts` keyed by its event id, with the period its entry was booked in. A redelivery
 * sets the same field again; SHU reads one document per member, not one per movement (FerretDB
 * reads documents slowly: a year of 40,000 single facts took minutes to sum).
 */
export interface SavingsBucketDoc {
  _id: string;
  cooperativeId: string;
  memberId: string;
  facts: Record<string, { kind: SavingsRecord['kind']; amount: number; period: string }>;
}
const SavingsSchema = new Schema<SavingsBucketDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    memberId: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'ledger_member_savings', versionKey: false, minimize: false },
);
SavingsSchema.index({ cooperativeId: 1 });

/**
 * `ledger_member_transactions`: one document per cooperative, year, kind and buyer account (a
 * purchase) or seller (a consignment sale), each transaction a field of `facts` keyed by its id
 * (`purchase-<event id>`, `consignment-<order>-<seller>`), with its period and amount.
 */
export interface TransactionBucketDoc {
  _id: string;
  cooperativeId: string;
  year: number;
  kind: TransactionRecord['kind'];
  personId: string | null;
  memberId: string | null;
  facts: Record<string, { orderId: string; amount: number; period: string }>;
}
const TransactionSchema = new Schema<TransactionBucketDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    year: { type: Number, required: true },
    kind: { type: String, required: true },
    personId: { type: String, default: null },
    memberId: { type: String, default: null },
    facts: { type: Schema.Types.Mixed, default: {} },
  },
  { collection: 'ledger_member_transactions', versionKey: false, minimize: false },
);
TransactionSchema.index({ cooperativeId: 1, year: 1 });

/** `ledger_shu_allocations`: `_id` = cooperative id; the bylaws' percentages (basis points). */
export type AllocationDoc = Omit<AllocationRecord, 'cooperativeId'> & { _id: string; outbox?: OutboxEntry[] };
const AllocationSchema = new Schema<AllocationDoc>(
  {
    _id: { type: String, required: true },
    allocation: { type: Schema.Types.Mixed, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: String, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  { collection: 'ledger_shu_allocations', versionKey: false },
);

/** `ledger_shu_runs`: `_id` = `<cooperativeId>:<year>`; the run with its member list and its outbox. */
export type ShuRunDoc = ShuRun & { _id: string; outbox?: OutboxEntry[] };
const ShuRunSchema = new Schema<ShuRunDoc>(
  {
    _id: { type: String, required: true },
    cooperativeId: { type: String, required: true },
    year: { type: Number, required: true },
    status: { type: String, required: true },
    version: { type: Number, required: true },
    outbox: { type: [Schema.Types.Mixed], default: undefined },
  },
  // The figures (pools, members, totals…) are written as they are: the run is one document.
  { collection: 'ledger_shu_runs', versionKey: false, strict: false },
);
ShuRunSchema.index({ cooperativeId: 1, year: 1 });

export const memberModel = (conn: Connection) => model(conn, 'LedgerMember', MemberSchema);
export const savingsModel = (conn: Connection) => model(conn, 'LedgerMemberSavings', SavingsSchema);
export const transactionModel = (conn: Connection) =>
  model(conn, 'LedgerMemberTransaction', TransactionSchema);
export const allocationModel = (conn: Connection) => model(conn, 'LedgerShuAllocation', AllocationSchema);
export const shuRunModel = (conn: Connection) => model(conn, 'LedgerShuRun', ShuRunSchema);
