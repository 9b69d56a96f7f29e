import type { Unit } from './types';

/** Orders' read model of a catalog product (fed by catalog.product.v1 snapshots). */
export interface Product {
  productId: string;
  cooperativeId: string;
  sellerId: string;
  name: string;
  unit: Unit;
  price: number;
  maxPerOrder: number | null;
  status: 'draft' | 'published' | 'archived';
  version: number;
}

/** Orders' read model of a cooperative (fed by membership.cooperative.v1 snapshots). */
export interface Cooperative {
  cooperativeId: string;
  name: string;
  deliveryEnabled: boolean;
  deliveryFee: number;
  orderExpiryMinutes: number;
}

export function isPublished(product: Product | undefined): product is Product {
  return product?.status === 'published';
}
