import type { SellerHandoff } from '@pasar/contracts';

/**
 * Catalog's read model of membership's sellers (membership.seller.v1): who may list goods, and the
 * shop facts the storefront shows. `sellerId` is the member id products carry; `personId` the
 * account a penjual signs in with.
 */
export const SELLER_STATUSES = ['active', 'suspended'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

export interface Seller {
  sellerId: string;
  personId: string;
  cooperativeId: string;
  shopName: string;
  description: string;
  handoff: SellerHandoff;
  status: SellerStatus;
}
