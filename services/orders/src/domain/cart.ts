import { NotFoundError } from '@pasar/service-kit';
import { isPublished, type Product } from './catalog';
import {
  cartEmpty,
  cartLimitExceeded,
  cartTooManyLines,
  cartWrongCooperative,
  productUnavailable,
} from './errors';

export const MAX_QUANTITY = 999;
export const MAX_LINES = 50;

export interface CartItem {
  productId: string;
  quantity: number;
}

export interface Cart {
  id: string;
  cooperativeId: string;
  /** Only product ids and quantities: names and prices are looked up when the cart is shown or ordered. */
  items: CartItem[];
  /** Optimistic concurrency: a save succeeds only if nobody saved since this revision was read. */
  rev: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface PricedLine {
  productId: string;
  sellerId: string;
  name: string;
  unit: Product['unit'];
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  maxPerOrder: number | null;
  /** The unit price is the HET (subsidised goods): the storefront and the nota say so. */
  het: boolean;
}

/** A product a shopper may put in this cart, or the error that says why not. */
export function assertSellable(
  cart: Pick<Cart, 'cooperativeId'>,
  productId: string,
  product: Product | undefined,
): Product {
  if (!isPublished(product))
    throw new NotFoundError('PRODUCT.NOT_FOUND', `No product ${productId} is for sale`);
  if (product.cooperativeId !== cart.cooperativeId) {
    throw cartWrongCooperative(productId, product.name, cart.cooperativeId, product.cooperativeId);
  }
  return product;
}

/**
 * The per-order limit (subsidised LPG, pupuk) and the general ceiling of 999 per line; a per-buyer
 * limit caps one order too (whether the buyer has any of it left is checked at checkout).
 */
export function assertWithinLimit(product: Product, quantity: number): void {
  const limit = Math.min(
    product.maxPerOrder ?? MAX_QUANTITY,
    product.buyerLimit?.quantity ?? MAX_QUANTITY,
    MAX_QUANTITY,
  );
  if (quantity > limit) {
    throw cartLimitExceeded(product.productId, `${product.unit} of ${product.name}`, limit, quantity);
  }
}

/** Adds to the quantity already in the cart. */
export function addItem(cart: Cart, product: Product, quantity: number): CartItem[] {
  const current = cart.items.find((i) => i.productId === product.productId)?.quantity ?? 0;
  return setItem(cart, product, current + quantity);
}

/** Sets a line's quantity (adds the line if the product is not in the cart yet). */
export function setItem(cart: Cart, product: Product, quantity: number): CartItem[] {
  assertSellable(cart, product.productId, product);
  assertWithinLimit(product, quantity);
  const exists = cart.items.some((i) => i.productId === product.productId);
  if (!exists && cart.items.length >= MAX_LINES) {
    throw cartTooManyLines(MAX_LINES);
  }
  return exists
    ? cart.items.map((i) => (i.productId === product.productId ? { ...i, quantity } : i))
    : [...cart.items, { productId: product.productId, quantity }];
}

/** Removing a line that is not there leaves the cart as it is (idempotent). */
export function removeItem(cart: Cart, productId: string): CartItem[] {
  return cart.items.filter((i) => i.productId !== productId);
}

function priceLine(item: CartItem, product: Product): PricedLine {
  return {
    productId: product.productId,
    sellerId: product.sellerId,
    name: product.name,
    unit: product.unit,
    unitPrice: product.price,
    quantity: item.quantity,
    lineTotal: product.price * item.quantity,
    maxPerOrder: product.maxPerOrder,
    het: product.het,
  };
}

/** Lines for showing the cart: current names and prices; a product gone from the read model is left out. */
export function cartLines(cart: Cart, products: ReadonlyMap<string, Product>): PricedLine[] {
  return cart.items.flatMap((item) => {
    const product = products.get(item.productId);
    return product ? [priceLine(item, product)] : [];
  });
}

/**
 * Lines for an order: every product must still be for sale, in this cooperative, within its limit.
 * Prices are the catalog's (read model), never the client's.
 */
export function orderLines(cart: Cart, products: ReadonlyMap<string, Product>): PricedLine[] {
  if (cart.items.length === 0) throw cartEmpty();
  return cart.items.map((item) => {
    const product = products.get(item.productId);
    if (!isPublished(product) || product.cooperativeId !== cart.cooperativeId) {
      throw productUnavailable(item.productId, product?.name);
    }
    assertWithinLimit(product, item.quantity);
    return priceLine(item, product);
  });
}

export function sumLines(lines: readonly { lineTotal: number }[]): number {
  return lines.reduce((sum, l) => sum + l.lineTotal, 0);
}
