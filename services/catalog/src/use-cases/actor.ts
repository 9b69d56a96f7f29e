import { DomainError } from '@pasar/service-kit';
import { productNotFound } from '../domain/errors';
import type { EditorKind } from '../domain/moderation';
import { type Actor, isProductStaff, mayChangeProduct } from '../domain/product-access';
import type { Product } from '../domain/product';
import type { Seller } from '../domain/seller';
import type { CatalogDeps, WriteContext } from './deps';

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

/** Staff (and the seed, without an actor) are not moderated; a penjual is. */
export const editorKindOf = (actor: Actor | undefined): EditorKind =>
  !actor || isProductStaff(actor) ? 'staff' : 'penjual';

export const sellerNotActive = (cooperativeId: string) =>
  new DomainError(
    'SELLER.NOT_ACTIVE',
    `Only an approved, active seller of ${cooperativeId} may list goods (Anda belum menjadi penjual aktif di koperasi ini)`,
    403,
  );

/** The penjual's own seller record in the cooperative; 403 SELLER.NOT_ACTIVE unless approved and active. */
export async function activeSellerOf(
  deps: CatalogDeps,
  actor: Actor,
  cooperativeId: string,
): Promise<Seller> {
  const seller = await deps.sellers.findByPerson(cooperativeId, actor.personId);
  if (seller?.status !== 'active') throw sellerNotActive(cooperativeId);
  return seller;
}
