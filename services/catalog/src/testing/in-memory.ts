import type { Category, Envelope } from '@pasar/contracts';
import type { ListingSource } from '../db/listing-index';
import { skuTaken } from '../domain/errors';
import type { HistoryEntry } from '../domain/history';
import { type CursorPosition, type ProductFilters, type ProductSort, sortKeyOf } from '../domain/listing';
import { cardOf } from '../domain/listing-card';
import { defaultListingSettings, type ListingSettings } from '../domain/listing-settings';
import type { PhotoLookup, ProductPhoto } from '../domain/photo';
import { isVisible, type Product, type ProductSeller } from '../domain/product';
import { orderKey } from '../domain/reservation';
import { searchTerms, searchTextOf } from '../domain/search-text';
import type { Seller } from '../domain/seller';
import type {
  Decision,
  HistoryStore,
  HoldResult,
  ListingSettingsStore,
  ProductStore,
  Reservation,
  ReservationStore,
  SellerStore,
  StockStore,
  Transition,
} from '../use-cases/ports';

/**
 * In-memory stores with the guarantees of the mongoose ones (unique SKU, optimistic version,
 * conditional stock moves, event-time guard), for route and use-case unit tests without a database.
 * Every write keeps its events, as the documents' outboxes do, for the tests to read.
 */
const clone = <T>(v: T): T => structuredClone(v);

interface StoredProduct {
  product: Product;
  holds: Record<string, number>;
  sales: Record<string, number>;
  outbox: Envelope[];
}

/** Products, their stock moves and their history over one map (one "collection"). */
export class MemoryProducts {
  readonly byId = new Map<string, StoredProduct>();
  readonly history: HistoryEntry[] = [];
  private seq = 0;

  get(id: string): StoredProduct | undefined {
    return this.byId.get(id);
  }

  outboxOf(id: string): Envelope[] {
    return this.byId.get(id)?.outbox ?? [];
  }

  count(): number {
    return this.byId.size;
  }

  readonly products: ProductStore = {
    newId: () => {
      this.seq++;
      return `${Date.now().toString(16).padStart(12, '0')}${this.seq.toString(16).padStart(12, '0')}`.slice(
        -24,
      );
    },
    insert: async (p, events, history) => {
      for (const s of this.byId.values())
        if (s.product.cooperativeId === p.cooperativeId && s.product.sku === p.sku)
          throw skuTaken(p.cooperativeId, p.sku);
      this.byId.set(p.id, { product: clone(p), holds: {}, sales: {}, outbox: [...events] });
      this.history.push(...clone(history));
    },
    saveVersion: async (previousVersion, next, events, history) => {
      const s = this.byId.get(next.id);
      if (!s || s.product.version !== previousVersion) return null;
      // As in mongo: stock and the seller's facts are not the edit's to set.
      s.product = {
        ...clone(next),
        stock: s.product.stock,
        seller: s.product.seller,
        sellerSuspended: s.product.sellerSuspended,
      };
      s.outbox.push(...events);
      this.history.push(...clone(history));
      return clone(s.product);
    },
    findById: async (id) => clone(this.byId.get(id)?.product ?? null),
    findByCooperative: async (cooperativeId) =>
      [...this.byId.values()]
        .map((s) => s.product)
        .filter((p) => p.cooperativeId === cooperativeId)
        .map(clone),
    list: async (filters, sort, limit, after) => {
      const items = [...this.byId.values()]
        .map((s) => s.product)
        .filter((p) => matches(p, filters))
        .sort(compareFor(sort))
        .filter((p) => !after || isAfter(p, sort, after));
      return { items: items.slice(0, limit).map(clone), hasMore: items.length > limit };
    },
    categoryCounts: async (cooperativeId) => {
      const counts = new Map<Category, number>();
      for (const { product: p } of this.byId.values())
        if (p.cooperativeId === cooperativeId && isVisible(p))
          counts.set(p.category, (counts.get(p.category) ?? 0) + 1);
      return [...counts].map(([category, count]) => ({ category, count }));
    },
    setSeller: async (cooperativeId, sellerId, seller: ProductSeller, suspended) => {
      let n = 0;
      for (const s of this.byId.values()) {
        if (s.product.cooperativeId !== cooperativeId || s.product.sellerId !== sellerId) continue;
        s.product.seller = { ...seller };
        s.product.sellerSuspended = suspended;
        n++;
      }
      return n;
    },
  };

  private move(
    productId: string,
    map: 'holds' | 'sales',
    orderId: string,
    qty: number,
    apply: (p: Product) => void,
  ) {
    const s = this.byId.get(productId);
    const key = orderKey(orderId);
    if (!s || s[map][key] !== qty) return false;
    delete s[map][key];
    apply(s.product);
    return true;
  }

  readonly stock: StockStore = {
    readForOrder: async (productIds, orderId) => {
      const key = orderKey(orderId);
      const out = new Map<string, { product: Product; held?: number }>();
      for (const id of productIds) {
        const s = this.byId.get(id);
        if (s)
          out.set(id, {
            product: clone(s.product),
            ...(s.holds[key] !== undefined ? { held: s.holds[key] } : {}),
          });
      }
      return out;
    },
    hold: async (productId, orderId, qty): Promise<HoldResult> => {
      const s = this.byId.get(productId);
      const key = orderKey(orderId);
      if (!s) return { held: false, product: null };
      if (s.holds[key] !== undefined) return { held: true };
      const p = s.product;
      if (p.status !== 'published' || p.sellerSuspended || p.stock.available < qty)
        return { held: false, product: clone(p) };
      p.stock.available -= qty;
      p.stock.reserved += qty;
      s.holds[key] = qty;
      return { held: true };
    },
    releaseHold: async (productId, orderId, qty) =>
      this.move(productId, 'holds', orderId, qty, (p) => {
        p.stock.available += qty;
        p.stock.reserved -= qty;
      }),
    commitHold: async (productId, orderId, qty) => {
      const moved = this.move(productId, 'holds', orderId, qty, (p) => {
        p.stock.reserved -= qty;
        p.stock.sold += qty;
      });
      if (moved) this.byId.get(productId)!.sales[orderKey(orderId)] = qty;
      return moved;
    },
    releaseSale: async (productId, orderId, qty) =>
      this.move(productId, 'sales', orderId, qty, (p) => {
        p.stock.available += qty;
        p.stock.sold -= qty;
      }),
    forgetSale: async (productId, orderId, qty) => this.move(productId, 'sales', orderId, qty, () => {}),
    adjust: async (productId, delta, expectedAvailable, events, history) => {
      const s = this.byId.get(productId);
      if (!s || s.product.stock.available !== expectedAvailable || expectedAvailable + delta < 0) return null;
      s.product.stock.available += delta;
      s.product.updatedAt = new Date();
      s.outbox.push(...events);
      this.history.push(...clone(history));
      return clone(s.product);
    },
  };

  /** What the listing index reads (db/listing-index.ts), over the same map. */
  readonly listingSource: ListingSource = {
    cards: async (cooperativeId) =>
      [...this.byId.values()]
        .filter((s) => s.product.cooperativeId === cooperativeId)
        .map((s) => cardOf(s.product)),
    products: async (cooperativeId) =>
      [...this.byId.values()]
        .filter((s) => s.product.cooperativeId === cooperativeId)
        .map((s) => ({ product: clone(s.product), card: cardOf(s.product) })),
    read: async (ids) =>
      ids.flatMap((id) => {
        const s = this.byId.get(id);
        return s ? [{ product: clone(s.product), card: cardOf(s.product) }] : [];
      }),
  };

  /** Sale markers the product still keeps (to check they stay bounded). */
  salesOf(productId: string): Record<string, number> {
    return { ...(this.byId.get(productId)?.sales ?? {}) };
  }

  readonly historyStore: HistoryStore = {
    list: async (productId) => clone(this.history.filter((e) => e.productId === productId)),
  };
}

function matches(p: Product, f: ProductFilters): boolean {
  if (p.cooperativeId !== f.cooperativeId || !isVisible(p)) return false;
  if (f.sellerId && p.sellerId !== f.sellerId) return false;
  if (f.category && p.category !== f.category) return false;
  if (f.minPrice !== undefined && p.price < f.minPrice) return false;
  if (f.maxPrice !== undefined && p.price > f.maxPrice) return false;
  if (f.inStock !== undefined && p.stock.available > 0 !== f.inStock) return false;
  const text = searchTextOf(p);
  return searchTerms(f.q).every((t) => text.includes(t));
}

const DESCENDING: Record<ProductSort, boolean> = {
  newest: true,
  price_asc: false,
  price_desc: true,
  name: false,
};

/** (sort key, id) in the sort's direction, as the mongo indexes order them. */
function compareFor(sort: ProductSort) {
  return (a: Product, b: Product) => {
    const c = cmp(sortKeyOf(a, sort), sortKeyOf(b, sort)) || cmp(a.id, b.id);
    return DESCENDING[sort] ? -c : c;
  };
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

function isAfter(p: Product, sort: ProductSort, after: CursorPosition): boolean {
  const c = cmp(sortKeyOf(p, sort), after.key) || cmp(p.id, after.id);
  return DESCENDING[sort] ? c < 0 : c > 0;
}

export class MemoryReservations implements ReservationStore {
  readonly byId = new Map<string, Reservation & { outbox: Envelope[] }>();
  async get(orderId: string) {
    const r = this.byId.get(orderId);
    if (!r) return null;
    const { outbox: _o, ...rest } = r;
    return clone(rest);
  }
  async decide(d: Decision) {
    if (this.byId.has(d.orderId)) return false;
    const now = new Date();
    this.byId.set(d.orderId, {
      orderId: d.orderId,
      cooperativeId: d.cooperativeId,
      status: d.status,
      lines: clone(d.lines),
      rejection: d.rejection ?? null,
      releaseReason: d.releaseReason ?? null,
      history: [{ status: d.status, at: now, ...(d.note ? { note: d.note } : {}) }],
      createdAt: now,
      updatedAt: now,
      outbox: [...d.events],
    });
    return true;
  }
  async transition(orderId: string, t: Transition) {
    const r = this.byId.get(orderId);
    if (!r || !t.from.includes(r.status)) return false;
    const now = new Date();
    r.status = t.to;
    r.updatedAt = now;
    if (t.releaseReason) r.releaseReason = t.releaseReason;
    r.history.push({ status: t.to, at: now, ...(t.note ? { note: t.note } : {}) });
    r.outbox.push(...t.events);
    return true;
  }
}

export class MemorySellers implements SellerStore {
  readonly byKey = new Map<string, { seller: Seller; at: Date }>();
  async apply(seller: Seller, at: Date) {
    const key = `${seller.cooperativeId}:${seller.sellerId}`;
    const current = this.byKey.get(key);
    if (current && current.at > at) return 'stale' as const;
    this.byKey.set(key, { seller: clone(seller), at });
    return 'applied' as const;
  }
  async find(cooperativeId: string, sellerId: string) {
    return clone(this.byKey.get(`${cooperativeId}:${sellerId}`)?.seller ?? null);
  }
  async findByPerson(cooperativeId: string, personId: string) {
    for (const { seller } of this.byKey.values())
      if (seller.cooperativeId === cooperativeId && seller.personId === personId) return clone(seller);
    return null;
  }
}

export class MemoryListingSettings implements ListingSettingsStore {
  readonly byId = new Map<string, { settings: ListingSettings; outbox: Envelope[] }>();
  async get(cooperativeId: string) {
    return clone(this.byId.get(cooperativeId)?.settings ?? defaultListingSettings(cooperativeId));
  }
  async save(settings: ListingSettings, events: Envelope[]) {
    const outbox = this.byId.get(settings.cooperativeId)?.outbox ?? [];
    this.byId.set(settings.cooperativeId, { settings: clone(settings), outbox: [...outbox, ...events] });
  }
}

/** Photos as the upload pipeline would have stored them: add() them, then products look them up. */
export class MemoryPhotoLookup implements PhotoLookup {
  readonly byId = new Map<string, { photo: ProductPhoto; cooperativeId: string; ownerPersonId: string }>();
  add(photoId: string, owner: { cooperativeId: string; personId: string }): ProductPhoto {
    const photo: ProductPhoto = {
      photoId,
      width: 1200,
      height: 900,
      variants: [320, 640, 1200].map((w) => ({ width: w, url: `/photos/${photoId}/${w}.webp` })),
    };
    this.byId.set(photoId, { photo, cooperativeId: owner.cooperativeId, ownerPersonId: owner.personId });
    return photo;
  }
  async findOwned(photoIds: readonly string[], owner: { cooperativeId: string; personId: string }) {
    const out: ProductPhoto[] = [];
    for (const id of photoIds) {
      const p = this.byId.get(id);
      if (!p || p.cooperativeId !== owner.cooperativeId || p.ownerPersonId !== owner.personId) return null;
      out.push(clone(p.photo));
    }
    return out;
  }
}
