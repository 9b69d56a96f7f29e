import type * as catalog from '~/api/catalog';
import type * as membership from '~/api/membership';
import type * as orders from '~/api/orders';
import type * as payments from '~/api/payments';

/**
 * The services' answers as the web reads them: aliases of the types generated from each service's own
 * /openapi.json (app/api, `pnpm --filter @pasar/web gen:api`), never written again here. Types only,
 * so none of this reaches the browser bundle; the server checks the answers in contract.server.ts.
 */
type CatalogSchemas = catalog.components['schemas'];
type OrdersSchemas = orders.components['schemas'];
type PaymentsSchemas = payments.components['schemas'];
type MembershipSchemas = membership.components['schemas'];

// ---- catalog ----
export type ProductView = CatalogSchemas['ProductView'];
export type ProductPage = CatalogSchemas['ProductPage'];
export type StaffProductView = CatalogSchemas['StaffProductView'];
/** Issue 10: photos, the moderation state, the public seller page, a listing's history, the review queue. */
export type ProductPhoto = CatalogSchemas['ProductPhoto'];
export type ListingReview = NonNullable<StaffProductView['review']>;
export type SellerPage = CatalogSchemas['SellerPage'];
export type HistoryEntry =
  catalog.paths['/products/{productId}/history']['get']['responses'][200]['content']['application/json']['items'][number];
export type ReviewItem =
  catalog.paths['/cooperatives/{cooperativeId}/reviews']['get']['responses'][200]['content']['application/json']['items'][number];
export type ListingSettings =
  catalog.paths['/cooperatives/{cooperativeId}/listing-settings']['get']['responses'][200]['content']['application/json'];
export type CategoryCount =
  catalog.paths['/cooperatives/{cooperativeId}/categories']['get']['responses'][200]['content']['application/json']['items'][number];

// ---- orders ----
export type CartView = OrdersSchemas['CartView'];
export type CartLine = CartView['lines'][number];
export type OrderView = OrdersSchemas['OrderView'];
export type PlacedOrder = OrdersSchemas['PlacedOrder'];
/** Orders of a signed-in shopper (GET /me/orders), newest first. */
export type OrderPage = OrdersSchemas['OrderPage'];
/** A cooperative's orders for its staff (GET /cooperatives/{id}/orders). */
export type StaffOrderView = OrdersSchemas['StaffOrderView'];
export type StaffOrderPage = OrdersSchemas['StaffOrderPage'];
export type PaymentMethod = OrderView['paymentMethod'];
export type OrderPayment = NonNullable<OrderView['payment']>;
export type OrderRefund = NonNullable<OrderView['refund']>;
export type PlaceOrderInput = NonNullable<
  orders.paths['/orders']['post']['requestBody']
>['content']['application/json'];

// ---- payments (staff only: shoppers see the payment through orders) ----
/** One payment attempt as the cooperative's staff see it (GET /payments/by-order/{orderId}). */
export type StaffPaymentView = PaymentsSchemas['PaymentView'];
export type StaffPaymentStatus = StaffPaymentView['status'];
export type ManualRefundPage =
  payments.paths['/cooperatives/{cooperativeId}/refunds/manual']['get']['responses'][200]['content']['application/json'];
export type Reconciliation = PaymentsSchemas['Reconciliation'];
export type ReconciliationMismatch = Reconciliation['mismatches'][number];
export type MismatchKind = ReconciliationMismatch['kind'];
/** Issue 10: consignment (titip jual). */
export type ConsignmentBalance = PaymentsSchemas['SellerConsignment'];
export type ConsignmentOverviewItem = PaymentsSchemas['ConsignmentOverview']['items'][number];
export type Statement = PaymentsSchemas['ConsignmentStatement'];
export type StatementLine = Statement['lines'][number];
export type SalesReport = PaymentsSchemas['SellerSales'];
export type ProductSales = SalesReport['products'][number];
export type ConsignmentSettings = PaymentsSchemas['ConsignmentSettings'];

// ---- membership: cooperatives, people, sessions, roles ----
export type CooperativeView = MembershipSchemas['Cooperative'];
export type PersonView = MembershipSchemas['Person'];
export type SignedIn = MembershipSchemas['SignIn'];
export type AccessTokens = MembershipSchemas['AccessTokens'];
/** One person of a cooperative as its staff sees them (phone masked). */
export type PersonInCooperative = MembershipSchemas['StaffPerson'];
export type PeoplePage =
  membership.paths['/cooperatives/{cooperativeId}/people']['get']['responses'][200]['content']['application/json'];
export type Invited =
  membership.paths['/cooperatives/{cooperativeId}/people']['post']['responses'][201]['content']['application/json'];
export type ResetCode = MembershipSchemas['ResetCode'];
/** Issue 10: a member's application to sell, and the registry of sellers. */
export type SellerApplication = MembershipSchemas['SellerApplication'];
export type RegisteredSeller = MembershipSchemas['Seller'];
export type Handoff = SellerApplication['handoff'];
