import { NotFoundError } from '@pasar/service-kit';
import type { Cart } from '../domain/cart';
import type { CartView } from '../domain/views';
import { cartView } from './cart-view';
import type { OrdersDeps } from './ports';

export async function findCartOrThrow(deps: OrdersDeps, cartId: string): Promise<Cart> {
  const cart = await deps.carts.findById(cartId);
  if (!cart) throw new NotFoundError('CART.NOT_FOUND', `No cart ${cartId}`);
  return cart;
}

export async function getCart(deps: OrdersDeps, cartId: string): Promise<CartView> {
  return cartView(deps, await findCartOrThrow(deps, cartId));
}
