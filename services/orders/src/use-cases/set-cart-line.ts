import { assertSellable, setItem } from '../domain/cart';
import type { CartView } from '../domain/views';
import type { OrdersDeps } from './ports';
import { updateCartItems } from './update-cart-items';

/** Sets the quantity of a product in the cart (adds the line when it is not there). */
export function setCartLine(
  deps: OrdersDeps,
  cartId: string,
  productId: string,
  quantity: number,
): Promise<CartView> {
  return updateCartItems(deps, cartId, async (cart) => {
    const product = assertSellable(cart, productId, await deps.products.findById(productId));
    return setItem(cart, product, quantity);
  });
}
