import { isApiError } from './http.server';
import { createCart, getCart } from './orders.server';
import { getCartId, type ShopperSession, setCartId } from './session.server';
import type { CartView } from './views';

/** The shopper's cart at this cooperative, or null when there is none (never made, or gone from the service). */
export async function loadCart(session: ShopperSession, cooperativeId: string): Promise<CartView | null> {
  const cartId = getCartId(session, cooperativeId);
  if (!cartId) return null;
  try {
    const cart = await getCart(cartId);
    return cart.cooperativeId === cooperativeId ? cart : null;
  } catch (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
}

/**
 * Runs a cart change against the shopper's cart, making a cart first when there is none and once more
 * when the remembered one is gone (CART.NOT_FOUND). The caller must commit the session: the id may be new.
 */
export async function changeCart(
  session: ShopperSession,
  cooperativeId: string,
  change: (cartId: string) => Promise<CartView>,
): Promise<CartView> {
  const remembered = getCartId(session, cooperativeId);
  if (remembered) {
    try {
      return await change(remembered);
    } catch (error) {
      if (!isApiError(error, 'CART.NOT_FOUND')) throw error;
    }
  }
  const cart = await createCart(cooperativeId);
  setCartId(session, cooperativeId, cart.id);
  return change(cart.id);
}

/** How many of a product are already in the cart. */
export function quantityInCart(cart: CartView | null, productId: string): number {
  return cart?.lines.find((line) => line.productId === productId)?.quantity ?? 0;
}
