import type { Category, Envelope } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { HistoryEntry } from '../domain/history';
import type { CursorPosition, ProductFilters, ProductSort } from '../domain/listing';
import type { ListingSettings } from '../domain/listing-settings';
import type { PhotoLookup } from '../domain/photo';
import type { Product, ProductSeller } from '../domain/product';
import type { Rejection, ReservationStatus, StockLine } from '../domain/reservation';
import type { Seller } from '../domain/seller';

/**
 * What catalog's use cases depend on. main.ts wires the mongoose repositories (src/db), route tests
 * in-memory ones (src/testing/in-memory.ts). Every write that changes state takes the events it
 * causes (and the history entry it adds) and stores them in the SAME single-document write.
 */
export interface ProductStore {
  /** A fresh product id (24 hex characters). */
  newId(): string;
  /** Inserts a new product with its first events; PRODUCT.SKU_TAKEN when the SKU is used. */
  insert(p: Product, events: Envelope[], history: HistoryEntry[]): Promise<void>;
  /** Saves an edit made on `previousVersion` (optimistic lock); null when someone saved first. */
  saveVersion(
    previousVersion: number,
    next: Product,
    events: Envelope[],
    history: HistoryEntry[],
  ): Promise<Product | null>;
  findById(id: string): Promise<Product | null>;
  /** Every product of a cooperative, whatever its status. */
  findByCooperative(cooperativeId: string): Promise<Product[]>;
  /** One page of visible products (published, seller not suspended); one extra tells whether more follow. */
  list(
    filters: ProductFilters,
    sort: ProductSort,
    limit: number,
    after?: CursorPosition,
  ): Promise<{ items: Product[]; hasMore: boolean }>;
  /** Visible products per category. */
  categoryCounts(cooperativeId: string): Promise<{ category: Category; count: number }[]>;
  /**
   * Every product of the seller in one updateMany: their shop facts and whether they are suspended
   * (neither bumps the version nor emits a product event). How many products it touched.
   */
  setSeller(
    cooperativeId: string,
    sellerId: string,
    seller: ProductSeller,
    suspended: boolean,
  ): Promise<number>;
}

export type HoldResult = { held: true } | { held: false; product: Product | null };

/** Stock moves, each ONE conditional atomic update remembered under the order id (see product-stock.repository.ts). */
export interface StockStore {
  readForOrder(
    productIds: string[],
    orderId: string,
  ): Promise<Map<string, { product: Product; held?: number }>>;
  hold(productId: string, orderId: string, qty: number): Promise<HoldResult>;
  releaseHold(productId: string, orderId: string, qty: number): Promise<boolean>;
  commitHold(productId: string, orderId: string, qty: number): Promise<boolean>;
  releaseSale(productId: string, orderId: string, qty: number): Promise<boolean>;
  /** Forgets a sale marker once the order can no longer give the units back (completed). */
  forgetSale(productId: string, orderId: string, qty: number): Promise<boolean>;
  /**
   * Adds `delta` (signed) to `available` if it is still `expectedAvailable`, with the events and
   * history entry in the same update; the product after, or null when the count moved meanwhile.
   */
  adjust(
    productId: string,
    delta: number,
    expectedAvailable: number,
    events: Envelope[],
    history: HistoryEntry[],
  ): Promise<Product | null>;
}

export interface Reservation {
  orderId: string;
  cooperativeId: string;
  status: ReservationStatus;
  lines: StockLine[];
  rejection: Rejection | null;
  releaseReason: 'cancelled' | 'expired' | null;
  history: { status: ReservationStatus; at: Date; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export interface Decision {
  orderId: string;
  cooperativeId: string;
  status: ReservationStatus;
  lines: StockLine[];
  events: Envelope[];
  rejection?: Rejection;
  releaseReason?: 'cancelled' | 'expired';
  note?: string;
}

export interface Transition {
  from: ReservationStatus[];
  to: ReservationStatus;
  events: Envelope[];
  releaseReason?: 'cancelled' | 'expired';
  note?: string;
}

/** One document per order: the saga's decisions, each written with its event. */
export interface ReservationStore {
  get(orderId: string): Promise<Reservation | null>;
  /** The first decision (one insert, unique by order id); false when the order already has one. */
  decide(d: Decision): Promise<boolean>;
  /** Moves on only from one of `t.from`; false otherwise. */
  transition(orderId: string, t: Transition): Promise<boolean>;
}

/** The sellers read model (membership.seller.v1). */
export interface SellerStore {
  /** Stores the seller's state unless a later event's is there already ('stale'). */
  apply(seller: Seller, at: Date): Promise<'applied' | 'stale'>;
  find(cooperativeId: string, sellerId: string): Promise<Seller | null>;
  /** The seller record of the person (a penjual signing in) in that cooperative. */
  findByPerson(cooperativeId: string, personId: string): Promise<Seller | null>;
}

export interface ListingSettingsStore {
  /** The cooperative's settings, or the defaults when it never set any. */
  get(cooperativeId: string): Promise<ListingSettings>;
  /** Saves them with their audit event in the same single-document write. */
  save(settings: ListingSettings, events: Envelope[]): Promise<void>;
}

/** A listing's history, oldest first (entries are written with the product's changes). */
export interface HistoryStore {
  list(productId: string): Promise<HistoryEntry[]>;
}

/**
 * The storefront listing's read model (db/listing-index.ts, docs/decisions/0018): the public list and
 * category counts without a collection scan. Its pages are read fresh from the database.
 */
export interface ListingReadModel {
  list: ProductStore['list'];
  categoryCounts: ProductStore['categoryCounts'];
  /** After a write of these products succeeded: their listing facts are read again (by id). */
  refresh(cooperativeId: string, productIds: readonly string[]): Promise<void>;
  /** After every product of a seller was changed at once (ProductStore.setSeller). */
  refreshSeller(cooperativeId: string, sellerId: string): Promise<void>;
}

export type OutboxCollection = 'products' | 'stock_reservations' | 'listing_settings';

/** What the use cases need; main.ts builds the real ones, tests build fakes. */
export interface CatalogDeps {
  products: ProductStore;
  stock: StockStore;
  reservations: ReservationStore;
  sellers: SellerStore;
  listingSettings: ListingSettingsStore;
  history: HistoryStore;
  photos: PhotoLookup;
  logger: Logger;
  /** Called after a write that queued outbox events on a document (main.ts wakes the relay). */
  outboxWritten?: (collection: OutboxCollection, id: string) => void;
  /** Short-lived cache of public list answers; every product or stock change invalidates it. */
  listings?: {
    get<T>(cooperativeId: string, key: string, load: () => Promise<T>): Promise<T>;
    invalidate(cooperativeId: string): void;
  };
  /** The listing read model; without it lists and category counts query the products collection. */
  listingIndex?: ListingReadModel;
}
