import type { ProductPage, ProductView, StaffProductView } from './views';

/**
 * Issue 10's answers as the web reads them (decision 0015): aliases of the types generated from the
 * services' own documents (views.ts), and the form options the pages share. Nothing of the services'
 * schemas reaches the bundle.
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

export type {
  ConsignmentBalance,
  ConsignmentOverviewItem,
  ConsignmentSettings,
  ProductSales,
  SalesReport,
  Statement,
  StatementLine,
} from './views';
export const PAYOUT_METHODS = ['cash', 'transfer'] as const;
