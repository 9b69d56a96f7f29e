import type { CooperativeSnapshot, Envelope, PaymentMethod, ProductSnapshot } from '@pasar/contracts';
import type { Logger } from '@pasar/events';
import type { Cart } from '../domain/cart';
import type { Cooperative, Product } from '../domain/catalog';
import type { Fulfilment, Order, OrderStatus, PaymentSession, Refund, TimelineEntry } from '../domain/order';

/** Read model of catalog products. `upsert` never lets an older snapshot overwrite a newer one. */
export interface ProductStore {
  upsert(snapshot: ProductSnapshot): Promise<'applied' | 'stale'>;
  findById(productId: string): Promise<Product | undefined>;
  findMany(productIds: readonly string[]): Promise<Map<string, Product>>;
}

/** One order's claim on a buyer's allowance for one product in one period (see buyer-limit.ts). */
export interface CounterClaim {
  counterId: string;
  orderId: string;
  quantity: number;
  /** The product's limit; a claim never takes the counter above it. */
  limit: number;
  /** Stored with a new counter, for people reading the collection. */
  labels: { cooperativeId: string; productId: string; nikHash: string; windowStart: Date; resetsAt: Date };
}

/**
 * Buyer-limit counters: one document per (cooperative, product, NIK hash, period start), changed
 * only by single conditional atomic updates (FerretDB has no transactions). Each claim is
 * remembered under its order id, so claiming or releasing twice for one order moves nothing.
 */
export interface BuyerLimitStore {
  /** Takes the units unless that would pass the limit; `used` is the count it found when refusing. */
  claim(c: CounterClaim): Promise<{ claimed: true } | { claimed: false; used: number }>;
  /** Gives back the order's units; false when it holds none there (already released, never claimed). */
  release(counterId: string, orderId: string, quantity: number): Promise<boolean>;
  /** Units already bought in this counter's period (0 when none). */
  used(counterId: string): Promise<number>;
}

/** Read model of cooperatives. `upsert` ignores a snapshot older than the one stored (by event time). */
export interface CooperativeStore {
  upsert(snapshot: CooperativeSnapshot, at: Date): Promise<'applied' | 'stale'>;
  findById(cooperativeId: string): Promise<Cooperative | undefined>;
}

export interface CartStore {
  insert(cart: Cart): Promise<void>;
  findById(cartId: string): Promise<Cart | undefined>;
  /** Saves the items if the cart is still at `cart.rev`; false when someone saved in between. */
  saveItems(cart: Cart, items: Cart['items'], at: Date): Promise<boolean>;
}

/** One state change of an order, written as ONE guarded single-document update together with its events. */
export interface OrderChange {
  from: readonly OrderStatus[];
  to: OrderStatus;
  set?: Partial<
    Pick<
      Order,
      'pickupCode' | 'rejection' | 'cancelReason' | 'notaNumber' | 'handover' | 'cashReceived' | 'change'
    >
  >;
  timeline: TimelineEntry;
  events: Envelope[];
}

/** Where a listing page starts: strictly older than this order (newest first, ties by id). */
export interface OrderCursor {
  createdAt: Date;
  id: string;
}

/** Which orders a listing shows; exactly one of `cooperativeId` / `buyerPersonId` is set. */
export type OrderListFilter = { cooperativeId: string; status?: OrderStatus } | { buyerPersonId: string };

export interface OrderPage {
  items: Order[];
  /** Where the next page starts, or null when this was the last one. */
  next: OrderCursor | null;
}

export interface OrderStore {
  /** 'duplicate' when another order already holds the idempotency key (unique index). */
  insert(order: Order, events: Envelope[]): Promise<'inserted' | 'duplicate'>;
  findById(orderId: string): Promise<Order | undefined>;
  findByIdempotencyKey(key: string): Promise<Order | undefined>;
  /** Just the change counter, for the live stream's cheap poll. */
  versionOf(orderId: string): Promise<number | undefined>;
  /** Adds an access token hash while the order holds fewer than `max`. */
  addTokenHash(orderId: string, hash: string, max: number): Promise<boolean>;
  /** Applies the change only if the order is still in one of `change.from`; false otherwise. */
  applyChange(orderId: string, change: OrderChange): Promise<boolean>;
  /**
   * Stores the payment session (bumping the version) unless the order already holds this one or
   * one opened later; false then (a redelivery, an older attempt). Never changes the status.
   */
  recordPayment(orderId: string, payment: PaymentSession, at: Date): Promise<boolean>;
  /**
   * Stores the refund's step with its timeline note (bumping the version) unless the order's refund
   * is already there or further ('refunded' is final); false then. Never changes the status.
   */
  recordRefund(orderId: string, refund: Refund, note: TimelineEntry): Promise<boolean>;
  /** Newest first (createdAt, then id, both descending), at most `limit`, after `cursor`. */
  list(filter: OrderListFilter, limit: number, cursor?: OrderCursor): Promise<OrderPage>;
  /** Orders in PLACED/AWAITING_PAYMENT whose expiry time has passed. */
  findDueForExpiry(now: Date, limit: number): Promise<Order[]>;
  /** Adds events to the order's outbox without changing it (an audited refusal); false if no such order. */
  appendEvents(orderId: string, events: Envelope[]): Promise<boolean>;
  /** One column of the staff queue: how many orders match, and the newest `limit` of them (by createdAt). */
  queueColumn(query: QueueColumnQuery, limit: number): Promise<{ count: number; items: Order[] }>;
  /**
   * What changed in a cooperative at or after `since` (any write sets updatedAt), oldest change
   * first, at most `limit`: the staff stream's poll.
   */
  changedSince(cooperativeId: string, since: Date, limit: number): Promise<OrderChangeMark[]>;
}

export interface QueueColumnQuery {
  cooperativeId: string;
  statuses: readonly OrderStatus[];
  fulfilment?: Fulfilment['method'];
  /** Open work: placed before the end of the day asked for (yesterday's unfinished orders stay). */
  createdBefore?: Date;
  /** Finished work: last changed during the day asked for. */
  updatedIn?: { start: Date; end: Date };
}

/** Just enough of an order for the staff stream to say "this one changed". */
export interface OrderChangeMark {
  orderId: string;
  notaNumber: string | null;
  status: OrderStatus;
  version: number;
  updatedAt: Date;
}

/** Nota numbers: one atomic counter per cooperative and year. */
export interface NotaCounters {
  /** The next number of the sequence (1, 2, …); never hands out the same number twice. */
  next(cooperativeId: string, year: number): Promise<number>;
}

/** Wrong pickup codes per order (rate-limiter-flexible). */
export interface HandoverThrottle {
  /** Seconds until the order takes codes again; 0 when it does now. */
  retryAfter(orderId: string): Promise<number>;
  /** Counts a wrong code. */
  fail(orderId: string): Promise<void>;
}

/**
 * The orders that may still expire, by expiry time: a small collection the sweeper can scan
 * (FerretDB scans whole collections for anything but an `_id` filter; orders only grow).
 * Written after the order, removed after it settles; the sweeper's occasional full scan of
 * orders repairs an entry lost to a crash in between.
 */
export interface ExpiryQueue {
  add(orderId: string, expiresAt: Date): Promise<void>;
  due(now: Date, limit: number): Promise<string[]>;
  remove(orderId: string): Promise<void>;
}

export interface OrdersSettings {
  /** Payment methods shoppers may choose (env PAYMENT_METHODS). */
  paymentMethods: readonly PaymentMethod[];
  /** Overrides every cooperative's orderExpiryMinutes (env ORDER_EXPIRY_SECONDS, for tests). */
  orderExpirySeconds?: number;
  /** Secret key of the NIK hash (env NIK_HASH_SALT, the same as membership's). */
  nikHashSalt: string;
}

/** What every use case may use; main.ts builds the real ones, tests build fakes. */
export interface OrdersDeps {
  products: ProductStore;
  cooperatives: CooperativeStore;
  carts: CartStore;
  orders: OrderStore;
  expiries: ExpiryQueue;
  notaCounters: NotaCounters;
  handoverThrottle: HandoverThrottle;
  buyerLimits: BuyerLimitStore;
  settings: OrdersSettings;
  logger: Logger;
  clock: () => Date;
  /** Tells the outbox relay that this order holds events to publish now (lower latency than its sweep). */
  nudge: (orderId: string) => void;
}

export const EVENT_SOURCE = 'urn:pasar:orders';
