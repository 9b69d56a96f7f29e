import { removeItem } from '../domain/cart';
import type { CartView } from '../domain/views';
import type { OrdersDeps } from './ports';
import { updateCartItems } from './update-cart-items';

/** Removes a product from the cart; removing what is not there is not an error. */
export function removeCartLine(deps: OrdersDeps, cartId: string, productId: string): Promise<CartView> {
  return updateCartItems(deps, cartId, (cart) => removeItem(cart, productId));
}
