import {
  type BuyerLimit,
  type Category,
  type EventContext,
  newEvent,
  ProductArchived,
  ProductPublished,
  type ProductSnapshot,
  ProductUpdated,
  type Unit,
} from '@pasar/contracts';
import { invalidTransition } from './errors';
import type { ListingReview } from './moderation';
import type { ProductPhoto } from './photo';

export const PRODUCT_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Units on hand. `available + reserved + sold` only changes on restock (conservation). */
export interface Stock {
  available: number;
  reserved: number;
  sold: number;
}

export interface Product {
  id: string;
  cooperativeId: string;
  sellerId: string;
  /**
   * The person (token `sub`) who listed it as a penjual, who alone of the sellers may edit and
   * restock it; null for listings made by staff (pengurus, gudang) or the seed.
   */
  ownerPersonId: string | null;
  sku: string;
  name: string;
  description: string;
  category: Category;
  unit: Unit;
  price: number;
  maxPerOrder: number | null;
  /** Subsidised goods: at most this many units per buyer (NIK) per period; orders enforces it. */
  buyerLimit: BuyerLimit | null;
  /** The price is the HET, the government's ceiling price (LPG 3 kg, pupuk bersubsidi). */
  het: boolean;
  /** An image URL from before photos (old data and the seed); photos win where both exist. */
  imageUrl: string | null;
  /** Uploaded photos in display order (at most 8); empty when none. */
  photos: ProductPhoto[];
  status: ProductStatus;
  stock: Stock;
  /** The seller's public shop facts, copied from the sellers read model; null for the cooperative's own goods. */
  seller: ProductSeller | null;
  /** The seller is suspended: hidden from the storefront and refused for new orders (flipped by one updateMany). */
  sellerSuspended: boolean;
  /**
   * False for a penjual's listing until a pengurus approved it once (staff listings and old data: true).
   * While false, publishing it asks for a review instead.
   */
  listingApproved: boolean;
  /** The latest moderation request on it (pending, or how it was decided); null when none. */
  review: ListingReview | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProductSeller {
  sellerId: string;
  shopName: string;
}

/** What a seller or staff member submits: a product before it has an id, history or stock ledger. */
export type NewProduct = Omit<
  Product,
  | 'id'
  | 'stock'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'ownerPersonId'
  | 'photos'
  | 'seller'
  | 'sellerSuspended'
  | 'listingApproved'
  | 'review'
> & {
  /** Units on hand at creation. */
  stock: number;
  ownerPersonId?: string | null;
} & Partial<Pick<Product, 'photos' | 'seller' | 'sellerSuspended' | 'listingApproved' | 'review'>>;

/** What an edit may change (stock moves only through restock and the stock saga). */
export interface ProductChanges {
  name?: string;
  description?: string;
  price?: number;
  maxPerOrder?: number | null;
  buyerLimit?: BuyerLimit | null;
  het?: boolean;
  imageUrl?: string | null;
  status?: ProductStatus;
}

/** An edit plus what catalog itself changes with it (photos through their route, moderation). */
export type ProductEdit = ProductChanges & {
  photos?: ProductPhoto[];
  review?: ListingReview | null;
  listingApproved?: boolean;
};

/** Field values compared by content (buyerLimit is an object; the rest are plain values). */
const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

const TRANSITIONS: Record<ProductStatus, ProductStatus[]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  // An archived listing comes back as a draft, to be checked before it is published again.
  archived: ['draft'],
};

export function buildProduct(input: NewProduct, id: string, now: Date): Product {
  const { stock, ownerPersonId, photos, seller, sellerSuspended, listingApproved, review, ...rest } = input;
  return {
    ...rest,
    ownerPersonId: ownerPersonId ?? null,
    photos: photos ?? [],
    seller: seller ?? null,
    sellerSuspended: sellerSuspended ?? false,
    listingApproved: listingApproved ?? true,
    review: review ?? null,
    id,
    stock: { available: stock, reserved: 0, sold: 0 },
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** The product after `changes`, or null when nothing would change. Throws on a forbidden status move. */
export function applyChanges(current: Product, changes: ProductEdit, now: Date): Product | null {
  const changed = (Object.keys(changes) as (keyof ProductEdit)[]).filter(
    (k) => changes[k] !== undefined && !same(changes[k], current[k]),
  );
  if (changed.length === 0) return null;
  if (changes.status !== undefined && changes.status !== current.status) {
    if (!TRANSITIONS[current.status].includes(changes.status))
      throw invalidTransition(current.status, changes.status);
  }
  const next: Product = { ...current, version: current.version + 1, updatedAt: now };
  for (const k of changed) Object.assign(next, { [k]: changes[k] });
  return next;
}

export function isInStock(product: Pick<Product, 'stock'>): boolean {
  return product.stock.available > 0;
}

/** The one picture other services show (cart, nota): the first photo's largest variant, else the old URL. */
export function imageOf(p: Pick<Product, 'photos' | 'imageUrl'>): string | null {
  return p.photos[0]?.variants.at(-1)?.url ?? p.imageUrl;
}

/** On the storefront: published, and its seller (if any) not suspended. */
export function isVisible(p: Pick<Product, 'status' | 'sellerSuspended'>): boolean {
  return p.status === 'published' && !p.sellerSuspended;
}

export function snapshotOf(p: Product): ProductSnapshot {
  return {
    productId: p.id,
    cooperativeId: p.cooperativeId,
    sellerId: p.sellerId,
    name: p.name,
    category: p.category,
    unit: p.unit,
    price: p.price,
    maxPerOrder: p.maxPerOrder,
    buyerLimit: p.buyerLimit,
    het: p.het,
    status: p.status,
    imageUrl: imageOf(p),
    version: p.version,
  };
}

/**
 * The one event a product write emits, carrying the full snapshot so read models can upsert from
 * any of them: Published when it becomes published, Archived when it becomes archived, else Updated
 * (including a listing created as a draft, so read models know it exists and is not for sale).
 */
export function productEventFor(previous: Product | undefined, next: Product, ctx: EventContext) {
  const becomes = (s: ProductStatus) => next.status === s && previous?.status !== s;
  const def = becomes('published')
    ? ProductPublished
    : becomes('archived')
      ? ProductArchived
      : ProductUpdated;
  return newEvent(def, next.id, snapshotOf(next), ctx);
}
