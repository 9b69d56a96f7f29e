import type { Category, Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { Account, Summary } from '../domain/account';
import type { CommissionSettings } from '../domain/commission';
import type { OrderFacts } from '../domain/order-facts';

export interface SellerRecord {
  sellerId: string;
  personId: string;
  cooperativeId: string;
  shopName: string;
  status: 'active' | 'suspended';
}

export interface StoredSettings extends CommissionSettings {
  cooperativeId: string;
  /** 0 while the cooperative never set a rate (the defaults apply). */
  version: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

export interface AccountSummary extends Summary {
  cooperativeId: string;
  sellerId: string;
  /** How many anomalies wait for the bendahara. */
  anomalies: number;
}

/**
 * Every write is guarded on the document's version (0: insert it): false when another writer got
 * there first, and the caller reloads and decides again. FerretDB has no transactions; one
 * document holds each decision and the events it causes.
 */
export interface ConsignmentStore {
  getAccount(cooperativeId: string, sellerId: string): Promise<Account | null>;
  saveAccount(account: Account, events: Envelope[]): Promise<boolean>;
  /** The cooperative's accounts without their lines (the overview). */
  listSummaries(cooperativeId: string): Promise<AccountSummary[]>;
  getFacts(orderId: string): Promise<OrderFacts | null>;
  saveFacts(facts: OrderFacts): Promise<boolean>;
  getSettings(cooperativeId: string): Promise<StoredSettings | null>;
  saveSettings(settings: StoredSettings, events: Envelope[]): Promise<boolean>;
  upsertSeller(seller: SellerRecord): Promise<void>;
  getSeller(sellerId: string): Promise<SellerRecord | null>;
  listSellers(cooperativeId: string): Promise<SellerRecord[]>;
  /** Keeps a product's category, only from a newer product version than the one kept. */
  upsertProduct(p: {
    productId: string;
    cooperativeId: string;
    category: Category;
    version: number;
  }): Promise<void>;
  categories(productIds: string[]): Promise<Map<string, Category>>;
}

export interface ConsignmentDeps {
  store: ConsignmentStore;
  logger: Logger;
  /** After a write that stored events in that document's outbox: the relay publishes them at once. */
  onEventsWritten: (doc: { collection: 'accounts' | 'settings'; id: string }) => void;
  clock?: () => Date;
}

/** The id of a seller's account document. */
export const accountKey = (cooperativeId: string, sellerId: string) => `${cooperativeId}:${sellerId}`;

export const CONSIGNMENT_SOURCE = 'urn:pasar:payments';

export const nowOf = (deps: Pick<ConsignmentDeps, 'clock'>): Date => deps.clock?.() ?? new Date();
