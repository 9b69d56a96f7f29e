import { productNotFound } from '../domain/errors';
import { type Actor, mayChangeProduct } from '../domain/product-access';
import type { Product } from '../domain/product';
import type { WriteContext } from './deps';

/** The acting person with their roles in the cooperative (the route's 404 if they have none there). */
export function actorIn(ctx: WriteContext, cooperativeId: string): Actor | undefined {
  if (!ctx.actor) return undefined;
  return { personId: ctx.actor.personId, roles: ctx.actor.rolesIn(cooperativeId) };
}

/**
 * The actor, once they may change this product; a penjual asking for another seller's product
 * gets 404 PRODUCT.NOT_FOUND, exactly as for a missing one (no seller learns of another's listings).
 */
export function actorMayChange(ctx: WriteContext, product: Product): Actor | undefined {
  const actor = actorIn(ctx, product.cooperativeId);
  if (actor && !mayChangeProduct(actor, product)) throw productNotFound(product.id);
  return actor;
}
