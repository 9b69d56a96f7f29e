import type { Cart } from '../domain/cart';
import { cartLines } from '../domain/cart';
import { type CartView, toCartView } from '../domain/views';
import type { OrdersDeps } from './ports';

/** The cart as the shopper sees it, priced from the product read model at this moment. */
export async function cartView(deps: OrdersDeps, cart: Cart): Promise<CartView> {
  const products = await deps.products.findMany(cart.items.map((i) => i.productId));
  return toCartView(cart, cartLines(cart, products));
}
