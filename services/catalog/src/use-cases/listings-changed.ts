import type { CatalogDeps } from './deps';

/** What a write changed on the storefront: these products, or every product of a seller. */
export type ListingChange = { productIds: readonly string[] } | { sellerId: string };

/**
 * Call after a write that changed products' listing facts (anything the public list filters, sorts
 * or shows) succeeded: the listing read model reads them again, then the cooperative's cached list
 * answers are dropped (in that order, so no answer cached meanwhile predates the read model).
 */
export async function listingsChanged(
  deps: CatalogDeps,
  cooperativeId: string,
  change: ListingChange,
): Promise<void> {
  try {
    if ('sellerId' in change) await deps.listingIndex?.refreshSeller(cooperativeId, change.sellerId);
    else await deps.listingIndex?.refresh(cooperativeId, change.productIds);
  } finally {
    deps.listings?.invalidate(cooperativeId);
  }
}
