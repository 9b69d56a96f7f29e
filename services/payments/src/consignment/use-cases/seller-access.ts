import { hasRoleIn, type Principal } from '@pasar/service-kit';
import { sellerNotFound } from '../domain/errors';
import type { ConsignmentDeps, SellerRecord } from './ports';

/** Staff who see every seller's consignment; anyone else (a penjual) sees only their own. */
const STAFF = ['pengurus', 'pengawas'] as const;

/**
 * The seller named in the path, if this principal may see them: staff of the seller's cooperative,
 * or the seller themselves (their account is the seller's personId). Another seller's id, an id of
 * another cooperative and a missing one answer the same 404.
 */
export async function sellerFor(
  deps: ConsignmentDeps,
  principal: Principal,
  cooperativeId: string,
  sellerId: string,
): Promise<SellerRecord> {
  const seller = await deps.store.getSeller(sellerId);
  if (!seller || seller.cooperativeId !== cooperativeId) throw sellerNotFound(sellerId);
  if (hasRoleIn(principal, cooperativeId, STAFF)) return seller;
  if (seller.personId !== principal.personId) throw sellerNotFound(sellerId);
  return seller;
}
