import type { SellerSnapshot } from '@pasar/contracts';
import type { SellerStatus } from '../domain/seller';
import type { CatalogDeps } from './deps';
import { listingsChanged } from './listings-changed';

/**
 * SellerApproved / SellerSuspended / SellerReinstated → the sellers read model, and every product of
 * that seller in ONE updateMany: their shop name, and whether they are hidden (suspended). Then the
 * cooperative's cached lists are dropped, so the storefront changes within this one event. Replays
 * are harmless: the same state is written again; an older event than the stored one changes nothing.
 */
export async function recordSeller(
  deps: CatalogDeps,
  snapshot: SellerSnapshot,
  status: SellerStatus,
  at: Date,
): Promise<'applied' | 'stale'> {
  const { sellerId, personId, cooperativeId, shopName, description, handoff } = snapshot;
  const outcome = await deps.sellers.apply(
    { sellerId, personId, cooperativeId, shopName, description, handoff, status },
    at,
  );
  if (outcome === 'stale') return outcome;
  const touched = await deps.products.setSeller(
    cooperativeId,
    sellerId,
    { sellerId, shopName },
    status === 'suspended',
  );
  await listingsChanged(deps, cooperativeId, { sellerId });
  deps.logger.info({ cooperativeId, sellerId, status, products: touched }, 'seller recorded');
  return outcome;
}
