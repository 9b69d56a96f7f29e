import type { ProductPage, ProductView, StaffProductView } from './views';

/**
 * Issue 10's answers as the web reads them while catalog, membership and payments are still adding
 * them (decision 0015): described by hand here, checked at the edge by the zod schemas in
 * catalog-sellers.server.ts, sellers.server.ts and consignment.server.ts. Once the services' documents
 * have them, `gen:api` and these become aliases in views.ts. Types only: nothing reaches the bundle.
 */

/** A product photo: WebP variants, smallest first (`srcset` = url + ` ${width}w`). */
export interface ProductPhoto {
  photoId: string;
  width: number;
  height: number;
  variants: { width: number; url: string }[];
}
/** The seller a product belongs to (null: the cooperative's own goods). */
export interface ProductSeller {
  sellerId: string;
  shopName: string;
}
export interface SellerFields {
  seller?: ProductSeller | null;
  photos?: ProductPhoto[];
}
export type ShopProduct = ProductView & SellerFields;
export type ShopProductPage = Omit<ProductPage, 'items'> & { items: ShopProduct[] };

/** Where a listing stands with the moderators (the latest review of the listing or a price change). */
export interface ListingReview {
  state: 'pending' | 'approved' | 'rejected';
  /** A new listing, or a price change above the cooperative's threshold. */
  kind: 'listing' | 'price';
  /** The price waiting for approval (a price change). */
  pendingPrice: number | null;
  reason: string | null;
  requestedAt: string;
  decidedAt: string | null;
}
/** One of the seller's own listings (GET /cooperatives/{id}/products/all as a penjual). */
export type SellerListing = StaffProductView &
  SellerFields & { review?: ListingReview | null; sellerSuspended?: boolean; listingApproved?: boolean };

export const STOCK_REASONS = ['received', 'damaged', 'correction'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}
/** One line of a listing's history: what changed, by whom, when. */
export interface HistoryEntry {
  id: string;
  at: string;
  by: { personId: string; roles: string[] } | null;
  kind: string;
  changes: FieldChange[];
  reason?: string;
  note?: string;
}

/** A pending review in the moderators' queue, with the diff. */
export interface ReviewItem {
  product: SellerListing;
  kind: 'listing' | 'price';
  requestedAt: string;
  diff: FieldChange[];
}

/** How a seller's goods reach the outlet (membership's SellerHandoff). */
export const HANDOFFS = ['outlet_pickup', 'drop_off'] as const;
export type { Handoff, RegisteredSeller, SellerApplication } from './views';

/** A seller's consignment balance (integer rupiah). */
export interface ConsignmentBalance {
  sellerId: string;
  shopName: string;
  status: 'active' | 'suspended';
  /** sales − commission − refunds − payouts. */
  balance: number;
  /** balance − pending: what the bendahara may pay out. */
  availableForPayout: number;
  /** Net of paid orders not handed over yet. */
  pending: number;
  lastPayoutAt: string | null;
}
export interface StatementLine {
  date: string;
  at: string;
  kind: string;
  notaNumber: string | null;
  product: string | null;
  quantity: number | null;
  receiptNumber: string | null;
  amount: number;
  balance: number;
}
export interface Statement {
  month: string;
  shopName: string;
  openingBalance: number;
  closingBalance: number;
  lines: StatementLine[];
}
export interface ProductSales {
  productId: string;
  name: string;
  quantity: number;
  amount: number;
  notaNumbers: string[];
}
/** Sales per product and per day, with the orders' nota numbers (no shopper data). */
export interface SalesReport {
  from: string;
  to: string;
  quantity: number;
  amount: number;
  products: ProductSales[];
  days: { date: string; quantity: number; amount: number; products: ProductSales[] }[];
}
export interface ConsignmentSettings {
  commissionBps: number;
  categoryBps: Partial<Record<string, number>>;
  isDefault?: boolean;
}
export const PAYOUT_METHODS = ['cash', 'transfer'] as const;
