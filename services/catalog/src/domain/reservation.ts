import type { StockRejectionReason } from '@pasar/contracts';
import { isVisible, type Product } from './product';

/**
 * One order's stock reservation, created with the saga's first decision: RESERVED or REJECTED.
 * COMMITTED when the order is confirmed; RELEASED when a cancelled or expired order gave its units
 * back (also written as a tombstone for an order that ended before catalog saw it placed).
 * COMPLETED when a committed order was handed over: it can no longer give units back, so the
 * products forget its sale markers (the reservation's status now guards against a late release).
 */
export const RESERVATION_STATUSES = ['RESERVED', 'REJECTED', 'COMMITTED', 'RELEASED', 'COMPLETED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Statuses from which a cancellation/expiry still has units to give back. */
export const RELEASABLE: ReservationStatus[] = ['RESERVED', 'COMMITTED'];

export interface StockLine {
  productId: string;
  quantity: number;
}

export interface Rejection {
  reason: StockRejectionReason;
  productId: string;
  productName?: string;
  requested: number;
  /** Units the shopper could have had: stock on hand, the per-order limit, or 0 if not for sale. */
  available: number;
}

/** One line per product (an order may list a product twice), in first-seen order. */
export function aggregateLines(lines: readonly StockLine[]): StockLine[] {
  const byProduct = new Map<string, number>();
  for (const l of lines) byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  return [...byProduct].map(([productId, quantity]) => ({ productId, quantity }));
}

/**
 * Why a line cannot be held, judged from the product as read (null = try to hold it).
 * The hold itself is a conditional atomic update, so a stale read never oversells.
 */
export function lineProblem(
  line: StockLine,
  product: Product | undefined,
  cooperativeId: string,
): Rejection | null {
  const base = { productId: line.productId, requested: line.quantity };
  // A suspended seller's goods are refused for new orders like unpublished ones.
  if (!product || !isVisible(product) || product.cooperativeId !== cooperativeId) {
    return {
      ...base,
      reason: 'PRODUCT_UNAVAILABLE',
      ...(product ? { productName: product.name } : {}),
      available: 0,
    };
  }
  if (product.maxPerOrder !== null && line.quantity > product.maxPerOrder) {
    return { ...base, reason: 'LIMIT_EXCEEDED', productName: product.name, available: product.maxPerOrder };
  }
  if (line.quantity > product.stock.available) return insufficient(line, product);
  return null;
}

export function insufficient(line: StockLine, product: Product | null): Rejection {
  if (!product || !isVisible(product)) {
    return {
      reason: 'PRODUCT_UNAVAILABLE',
      productId: line.productId,
      ...(product ? { productName: product.name } : {}),
      requested: line.quantity,
      available: 0,
    };
  }
  return {
    reason: 'INSUFFICIENT_STOCK',
    productId: line.productId,
    productName: product.name,
    requested: line.quantity,
    available: Math.max(0, product.stock.available),
  };
}

const ORDER_KEY = /^ord_[0-9A-Za-z]{10,32}$/;

/** The map key under which a product remembers an order's units (no dots, no `$`: safe as a path). */
export function orderKey(orderId: string): string {
  if (!ORDER_KEY.test(orderId)) throw new Error(`Not an order id usable as a key: ${orderId}`);
  return orderId;
}
