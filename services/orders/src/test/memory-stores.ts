import type { CooperativeSnapshot, Envelope, ProductSnapshot } from '@pasar/contracts';
import type { Cart } from '../domain/cart';
import type { Cooperative, Product } from '../domain/catalog';
import type { Order, PaymentSession, Refund, TimelineEntry } from '../domain/order';
import type {
  CartStore,
  CooperativeStore,
  ExpiryQueue,
  NotaCounters,
  OrderChange,
  OrderChangeMark,
  OrderCursor,
  OrderListFilter,
  OrderPage,
  OrderStore,
  ProductStore,
  QueueColumnQuery,
} from '../use-cases/ports';

/** In-memory stores with the same guarantees as the Mongo ones (guards, unique key), for fast route tests. */
const clone = <T>(v: T): T => structuredClone(v);

export class MemoryProductStore implements ProductStore {
  readonly byId = new Map<string, Product>();
  async upsert(s: ProductSnapshot): Promise<'applied' | 'stale'> {
    const current = this.byId.get(s.productId);
    if (current && current.version >= s.version) return 'stale';
    const { category: _c, imageUrl: _i, ...product } = s;
    this.byId.set(s.productId, { ...product, buyerLimit: s.buyerLimit ?? null, het: s.het ?? false });
    return 'applied';
  }
  async findById(id: string) {
    return clone(this.byId.get(id));
  }
  async findMany(ids: readonly string[]) {
    return new Map(
      ids.flatMap((id) => (this.byId.has(id) ? [[id, clone(this.byId.get(id)!)] as const] : [])),
    );
  }
}

export class MemoryCooperativeStore implements CooperativeStore {
  readonly byId = new Map<string, Cooperative & { at: Date }>();
  async upsert(s: CooperativeSnapshot, at: Date): Promise<'applied' | 'stale'> {
    const current = this.byId.get(s.cooperativeId);
    if (current && current.at > at) return 'stale';
    const { cooperativeId, name, deliveryEnabled, deliveryFee, orderExpiryMinutes } = s;
    this.byId.set(cooperativeId, {
      cooperativeId,
      name,
      marketName: s.marketName,
      outletAddress: s.outletAddress,
      deliveryEnabled,
      deliveryFee,
      orderExpiryMinutes,
      paymentMethods: s.paymentMethods ?? null,
      at,
    });
    return 'applied';
  }
  async findById(id: string) {
    const c = this.byId.get(id);
    if (!c) return undefined;
    const { at: _at, ...coop } = c;
    return clone(coop);
  }
}

export class MemoryCartStore implements CartStore {
  readonly byId = new Map<string, Cart>();
  async insert(cart: Cart) {
    this.byId.set(cart.id, clone(cart));
  }
  async findById(id: string) {
    return clone(this.byId.get(id));
  }
  async saveItems(cart: Cart, items: Cart['items'], at: Date) {
    const current = this.byId.get(cart.id);
    if (!current || current.rev !== cart.rev) return false;
    this.byId.set(cart.id, { ...current, items: clone(items), rev: current.rev + 1, updatedAt: at });
    return true;
  }
}

export class MemoryExpiryQueue implements ExpiryQueue {
  readonly byId = new Map<string, Date>();
  async add(id: string, expiresAt: Date) {
    this.byId.set(id, expiresAt);
  }
  async due(now: Date, limit: number) {
    return [...this.byId]
      .filter(([, at]) => at <= now)
      .slice(0, limit)
      .map(([id]) => id);
  }
  async remove(id: string) {
    this.byId.delete(id);
  }
}

export class MemoryOrderStore implements OrderStore {
  readonly byId = new Map<string, Order>();
  /** Every event written with a state change, in order (what the relay would publish). */
  readonly outbox: Envelope[] = [];

  async insert(order: Order, events: Envelope[]): Promise<'inserted' | 'duplicate'> {
    if ([...this.byId.values()].some((o) => o.idempotencyKey === order.idempotencyKey)) return 'duplicate';
    this.byId.set(order.id, clone(order));
    this.outbox.push(...events);
    return 'inserted';
  }
  async findById(id: string) {
    return clone(this.byId.get(id));
  }
  async findByIdempotencyKey(key: string) {
    return clone([...this.byId.values()].find((o) => o.idempotencyKey === key));
  }
  async versionOf(id: string) {
    return this.byId.get(id)?.version;
  }
  async addTokenHash(id: string, hash: string, max: number) {
    const o = this.byId.get(id);
    if (!o || o.tokenHashes.length >= max) return false;
    o.tokenHashes.push(hash);
    return true;
  }
  async applyChange(id: string, change: OrderChange) {
    const o = this.byId.get(id);
    if (!o || !change.from.includes(o.status)) return false;
    Object.assign(o, clone(change.set ?? {}), { status: change.to, updatedAt: change.timeline.at });
    o.version += 1;
    o.timeline.push(clone(change.timeline));
    this.outbox.push(...change.events);
    return true;
  }
  async recordPayment(id: string, payment: PaymentSession, at: Date) {
    const o = this.byId.get(id);
    if (!o) return false;
    if (o.payment && (o.payment.paymentId === payment.paymentId || o.payment.openedAt > payment.openedAt))
      return false;
    Object.assign(o, { payment: clone(payment), updatedAt: at });
    o.version += 1;
    return true;
  }
  async recordRefund(id: string, refund: Refund, note: TimelineEntry) {
    const o = this.byId.get(id);
    if (!o) return false;
    if (refund.status === 'pending' ? o.refund !== null : o.refund?.status === 'refunded') return false;
    Object.assign(o, { refund: clone(refund), updatedAt: note.at });
    o.version += 1;
    o.timeline.push(clone(note));
    return true;
  }
  async list(filter: OrderListFilter, limit: number, cursor?: OrderCursor): Promise<OrderPage> {
    const newestFirst = (a: Order, b: Order) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const after = (o: Order) =>
      !cursor ||
      o.createdAt < cursor.createdAt ||
      (o.createdAt.getTime() === cursor.createdAt.getTime() && o.id < cursor.id);
    const matches = (o: Order) =>
      'buyerPersonId' in filter
        ? o.buyerPersonId === filter.buyerPersonId
        : o.cooperativeId === filter.cooperativeId && (!filter.status || o.status === filter.status);
    const found = [...this.byId.values()].filter((o) => matches(o) && after(o)).sort(newestFirst);
    const items = found.slice(0, limit).map(clone);
    const last = items.at(-1);
    return { items, next: found.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }
  async findDueForExpiry(now: Date, limit: number) {
    return [...this.byId.values()]
      .filter((o) => (o.status === 'PLACED' || o.status === 'AWAITING_PAYMENT') && o.expiresAt <= now)
      .slice(0, limit)
      .map(clone);
  }
  async appendEvents(id: string, events: Envelope[]) {
    if (!this.byId.has(id)) return false;
    this.outbox.push(...events);
    return true;
  }
  async queueColumn(q: QueueColumnQuery, limit: number) {
    const found = [...this.byId.values()]
      .filter(
        (o) =>
          o.cooperativeId === q.cooperativeId &&
          q.statuses.includes(o.status) &&
          (!q.fulfilment || o.fulfilment.method === q.fulfilment) &&
          (!q.createdBefore || o.createdAt < q.createdBefore) &&
          (!q.updatedIn || (o.updatedAt >= q.updatedIn.start && o.updatedAt < q.updatedIn.end)),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    return { count: found.length, items: found.slice(0, limit).map(clone) };
  }
  async changedSince(cooperativeId: string, since: Date, limit: number): Promise<OrderChangeMark[]> {
    return [...this.byId.values()]
      .filter((o) => o.cooperativeId === cooperativeId && o.updatedAt >= since)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((o) => ({
        orderId: o.id,
        notaNumber: o.notaNumber,
        status: o.status,
        version: o.version,
        updatedAt: new Date(o.updatedAt),
      }));
  }
  eventTypes(): string[] {
    return this.outbox.map((e) => e.type);
  }
}

export class MemoryNotaCounters implements NotaCounters {
  readonly seq = new Map<string, number>();
  async next(cooperativeId: string, year: number) {
    const key = `${cooperativeId}:${year}`;
    const n = (this.seq.get(key) ?? 0) + 1;
    this.seq.set(key, n);
    return n;
  }
}
