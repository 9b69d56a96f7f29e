import { type BuyerLimit, PaymentMethodSchema } from '@pasar/contracts';
import type { PaymentMethod, Unit } from './types';

/** Orders' read model of a catalog product (fed by catalog.product.v1 snapshots). */
export interface Product {
  productId: string;
  cooperativeId: string;
  sellerId: string;
  name: string;
  unit: Unit;
  price: number;
  maxPerOrder: number | null;
  /** Subsidised goods: units per buyer (NIK) per period, checked at checkout; null for none. */
  buyerLimit: BuyerLimit | null;
  /** The price is the HET (the government's ceiling price). */
  het: boolean;
  status: 'draft' | 'published' | 'archived';
  version: number;
}

/** Orders' read model of a cooperative (fed by membership.cooperative.v1 snapshots). */
export interface Cooperative {
  cooperativeId: string;
  name: string;
  /** For the nota; null in snapshots stored before the nota existed (until the next update). */
  marketName: string | null;
  outletAddress: string | null;
  deliveryEnabled: boolean;
  deliveryFee: number;
  orderExpiryMinutes: number;
  /** The methods the cooperative offers (its settings); null = every method of the platform. */
  paymentMethods: PaymentMethod[] | null;
}

export function isPublished(product: Product | undefined): product is Product {
  return product?.status === 'published';
}

/**
 * What a shopper of this cooperative may pay with: the cooperative's choice within the platform's
 * (env PAYMENT_METHODS), in the contract's order. Empty when they share none.
 */
export function offeredPaymentMethods(
  cooperative: Pick<Cooperative, 'paymentMethods'>,
  platform: readonly PaymentMethod[],
): PaymentMethod[] {
  return PaymentMethodSchema.options.filter(
    (m) => platform.includes(m) && (cooperative.paymentMethods ?? platform).includes(m),
  );
}
