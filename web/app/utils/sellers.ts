import type { ProductPage, ProductView, StaffProductView } from './views';

/**
 * Issue 10's answers as the web reads them (decision 0015). Catalog's and membership's are aliases of
 * the generated types (views.ts); payments' consignment is described by hand here until its document
 * is generated (consignment.server.ts checks it with zod). Types only: nothing reaches the bundle.
 */

export type { HistoryEntry, ListingReview, ProductPhoto, ReviewItem, SellerPage } from './views';
/** A product as the storefront shows it (catalog's view carries its seller and photos). */
export type ShopProduct = ProductView;
export type ShopProductPage = ProductPage;
/** One of the seller's own listings (GET /cooperatives/{id}/products/all as a penjual). */
export type SellerListing = StaffProductView;

export const STOCK_REASONS = ['received', 'damaged', 'correction'] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

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
