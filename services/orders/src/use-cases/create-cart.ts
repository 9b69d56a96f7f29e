import { NotFoundError } from '@pasar/service-kit';
import type { Cart } from '../domain/cart';
import type { CartView } from '../domain/views';
import { randomId } from '@pasar/service-kit';
import { cartView } from './cart-view';
import type { OrdersDeps } from './ports';

/** A guest cart for one cooperative's market; the web keeps its id in a cookie. */
export async function createCart(deps: OrdersDeps, cooperativeId: string): Promise<CartView> {
  if (!(await deps.cooperatives.findById(cooperativeId))) {
    throw new NotFoundError('COOPERATIVE.NOT_FOUND', `No cooperative ${cooperativeId}`);
  }
  const now = deps.clock();
  const cart: Cart = {
    id: randomId('crt'),
    cooperativeId,
    items: [],
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
  await deps.carts.insert(cart);
  return cartView(deps, cart);
}
