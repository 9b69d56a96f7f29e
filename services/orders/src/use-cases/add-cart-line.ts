import { addItem, assertSellable } from '../domain/cart';
import type { CartView } from '../domain/views';
import type { OrdersDeps } from './ports';
import { updateCartItems } from './update-cart-items';

/** Adds `quantity` to what the cart already holds of the product. */
export function addCartLine(
  deps: OrdersDeps,
  cartId: string,
  productId: string,
  quantity: number,
): Promise<CartView> {
  return updateCartItems(deps, cartId, async (cart) => {
    const product = assertSellable(cart, productId, await deps.products.findById(productId));
    return addItem(cart, product, quantity);
  });
}
