import { productNotFound } from '../domain/errors';
import type { HistoryEntry } from '../domain/history';
import { type Actor, PRODUCT_READER_ROLES, mayChangeProduct } from '../domain/product-access';
import type { CatalogDeps, WriteContext } from './deps';
import { actorIn } from './actor';

/**
 * A listing's history, oldest first: staff and pengawas of its cooperative, and the penjual who owns
 * it; anyone else (another seller) gets 404 as for a missing product.
 */
export async function productHistory(
  deps: CatalogDeps,
  productId: string,
  ctx: WriteContext,
): Promise<HistoryEntry[]> {
  const product = await deps.products.findById(productId);
  if (!product) throw productNotFound(productId);
  const actor = actorIn(ctx, product.cooperativeId);
  if (!actor || !mayRead(actor, product)) throw productNotFound(productId);
  return deps.history.list(productId);
}

const mayRead = (actor: Actor, product: { ownerPersonId: string | null }) =>
  actor.roles.some((r) => (PRODUCT_READER_ROLES as readonly string[]).includes(r)) ||
  mayChangeProduct(actor, product);
