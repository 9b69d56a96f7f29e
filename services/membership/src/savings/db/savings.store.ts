import type { Envelope } from '@pasar/contracts';
import { type OutboxEntry, outboxFields, withOutbox } from '@pasar/events';
import type mongoose from 'mongoose';
import { type Balances, balancesOf, type Movement } from '../domain/account';
import type { StoredSavingsSettings } from '../domain/settings';
import { accountKey, type ReceiptClaim, type SavingsStore } from '../use-cases/ports';

/**
 * `savings_accounts`: one document per member (`<cooperativeId>:<memberId>`) with every movement,
 * the balances the arrears list reads alone (`summary`), and its outbox. About 250 bytes a
 * movement: decades of monthly wajib stay far below MongoDB's 16 MB document limit.
 */
export interface AccountDoc {
  _id: string;
  cooperativeId: string;
  memberId: string;
  version: number;
  movements: Movement[];
  summary: Balances & { movements: number; lastMovementAt: Date | null };
  updatedAt: Date;
  outbox?: OutboxEntry[];
}

export interface SettingsDoc extends Omit<StoredSavingsSettings, 'cooperativeId'> {
  _id: string;
  outbox?: OutboxEntry[];
}

/** `savings_receipts`: `_id` = `<cooperativeId>:<receiptNumber>`, so a number is taken once. */
export interface ReceiptDoc extends Omit<ReceiptClaim, 'cooperativeId' | 'receiptNumber'> {
  _id: string;
  cooperativeId: string;
  receiptNumber: string;
}

const DUPLICATE_KEY = 11000;
const isDuplicate = (err: unknown) => (err as { code?: number }).code === DUPLICATE_KEY;
const NO_OUTBOX = { projection: { outbox: 0 } } as const;
const receiptKey = (cooperativeId: string, receiptNumber: string) => `${cooperativeId}:${receiptNumber}`;

/**
 * Inserts (expected version 0) or replaces the state guarded on the version read; events go to the
 * document's outbox in the same write ($push, so the relay's removals are never overwritten).
 */
async function guardedSave<D extends { _id: string; outbox?: OutboxEntry[] }>(
  coll: mongoose.mongo.Collection<D>,
  id: string,
  expected: number,
  state: Omit<D, '_id' | 'outbox' | 'version'>,
  events: Envelope[],
): Promise<boolean> {
  if (expected === 0) {
    try {
      await coll.insertOne({ _id: id, ...state, version: 1, ...outboxFields(events) } as never);
      return true;
    } catch (err) {
      if (isDuplicate(err)) return false;
      throw err;
    }
  }
  const update = withOutbox({ $set: { ...state, version: expected + 1 } as Record<string, unknown> }, events);
  const res = await coll.updateOne({ _id: id, version: expected } as never, update as never);
  return res.modifiedCount === 1;
}

export function createSavingsStore(conn: mongoose.Connection) {
  const db = conn.db;
  if (!db) throw new Error('Mongo connection is not open');
  const accounts = db.collection<AccountDoc>('savings_accounts');
  const settings = db.collection<SettingsDoc>('savings_settings');
  const receipts = db.collection<ReceiptDoc>('savings_receipts');

  const store: SavingsStore = {
    async getSettings(cooperativeId) {
      const d = await settings.findOne({ _id: cooperativeId }, NO_OUTBOX);
      if (!d) return null;
      return {
        cooperativeId,
        pokokAmount: d.pokokAmount,
        wajibRates: d.wajibRates.map((r) => ({ from: r.from, amount: r.amount })),
        firstDue: d.firstDue,
        version: d.version,
        updatedAt: d.updatedAt,
        updatedBy: d.updatedBy,
      };
    },
    saveSettings(s, events) {
      const { cooperativeId, version, ...state } = s;
      return guardedSave(settings, cooperativeId, version, state, events);
    },
    async getAccount(cooperativeId, memberId) {
      const d = await accounts.findOne({ _id: accountKey(cooperativeId, memberId) }, NO_OUTBOX);
      if (!d) return null;
      return {
        cooperativeId: d.cooperativeId,
        memberId: d.memberId,
        version: d.version,
        movements: d.movements,
      };
    },
    saveAccount(a, events) {
      const { version, ...state } = a;
      const last = a.movements.at(-1);
      const summary = {
        ...balancesOf(a),
        movements: a.movements.length,
        lastMovementAt: last?.recordedAt ?? null,
      };
      return guardedSave(
        accounts,
        accountKey(a.cooperativeId, a.memberId),
        version,
        { ...state, summary, updatedAt: new Date() },
        events,
      );
    },
    async listSummaries(cooperativeId) {
      const docs = await accounts
        .find({ cooperativeId }, { projection: { memberId: 1, summary: 1 } })
        .toArray();
      return docs.map((d) => ({
        memberId: d.memberId,
        balances: { pokok: d.summary.pokok, wajib: d.summary.wajib, sukarela: d.summary.sukarela },
      }));
    },
    async getReceipt(cooperativeId, receiptNumber) {
      const d = await receipts.findOne({ _id: receiptKey(cooperativeId, receiptNumber) });
      if (!d) return null;
      const { _id, ...claim } = d;
      return claim;
    },
    async claimReceipt(c) {
      try {
        await receipts.insertOne({ _id: receiptKey(c.cooperativeId, c.receiptNumber), ...c });
        return true;
      } catch (err) {
        if (isDuplicate(err)) return false;
        throw err;
      }
    },
    async releaseReceipt(cooperativeId, receiptNumber, movementId) {
      await receipts.deleteOne({ _id: receiptKey(cooperativeId, receiptNumber), movementId });
    },
  };
  return {
    store,
    /** The collections whose documents carry an outbox, for the relay. */
    outboxCollections: { accounts, settings } as unknown as Record<
      'accounts' | 'settings',
      mongoose.mongo.Collection
    >,
    async init() {
      await accounts.createIndex({ cooperativeId: 1 });
    },
  };
}
