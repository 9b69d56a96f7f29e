import { setTimeout as sleep } from 'node:timers/promises';
import type { Cart, CartItem } from '../domain/cart';
import type { CartView } from '../domain/views';
import { cartView } from './cart-view';
import { findCartOrThrow } from './get-cart';
import type { OrdersDeps } from './ports';
import { cartBusy } from '../domain/errors';

const ATTEMPTS = 12;

/**
 * Read, change, save-if-unchanged: two tabs adding at once both land, neither overwrites the other.
 * `change` is pure domain code that may throw a DomainError (nothing is saved then).
 */
export async function updateCartItems(
  deps: OrdersDeps,
  cartId: string,
  change: (cart: Cart) => CartItem[] | Promise<CartItem[]>,
): Promise<CartView> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const cart = await findCartOrThrow(deps, cartId);
    const items = await change(cart);
    const now = deps.clock();
    if (await deps.carts.saveItems(cart, items, now)) {
      return cartView(deps, { ...cart, items, rev: cart.rev + 1, updatedAt: now });
    }
    await sleep(Math.random() * 10 * (attempt + 1)); // jitter, so racing writers spread out
  }
  throw cartBusy();
}
