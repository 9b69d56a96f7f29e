import type { CooperativeRole } from '@pasar/contracts';
import type { Product } from './product';

/**
 * Who may do what with a cooperative's products (the route rules say which roles may call; these
 * say, once the product is loaded, whether *this* person may act on *this* product):
 * - staff (pengurus, gudang) manage every product of their cooperative;
 * - a penjual manages only the products they listed themselves (`ownerPersonId` = their person id);
 * - pengawas (and staff) also see drafts and archived listings, and change nothing.
 */
export const PRODUCT_STAFF_ROLES = ['pengurus', 'gudang'] as const satisfies readonly CooperativeRole[];
export const PRODUCT_EDITOR_ROLES = [...PRODUCT_STAFF_ROLES, 'penjual'] as const;
export const PRODUCT_READER_ROLES = [...PRODUCT_STAFF_ROLES, 'pengawas'] as const;

/** A signed-in person and the roles they hold in the product's cooperative. */
export interface Actor {
  personId: string;
  roles: readonly CooperativeRole[];
}

const holdsAny = (actor: Actor, roles: readonly CooperativeRole[]) =>
  actor.roles.some((r) => roles.includes(r));

export const isProductStaff = (actor: Actor) => holdsAny(actor, PRODUCT_STAFF_ROLES);

/** Staff may change any product of their cooperative; a penjual only their own. */
export function mayChangeProduct(actor: Actor, product: Pick<Product, 'ownerPersonId'>): boolean {
  if (isProductStaff(actor)) return true;
  return actor.roles.includes('penjual') && product.ownerPersonId === actor.personId;
}

/** Drafts and archived listings: staff and pengawas of the cooperative, and the penjual who owns it. */
export function maySeeUnlisted(actor: Actor, product: Pick<Product, 'ownerPersonId'>): boolean {
  return holdsAny(actor, PRODUCT_READER_ROLES) || mayChangeProduct(actor, product);
}

/** The owner recorded on a new listing: the penjual who lists it, nobody when staff do. */
export function ownerOfNewProduct(actor: Actor | undefined): string | null {
  return actor && !isProductStaff(actor) ? actor.personId : null;
}
