import type { ListingSettings } from '../domain/listing-settings';
import type { Actor } from '../domain/product-access';
import { auditEvent } from './audit-event';
import type { CatalogDeps, WriteContext } from './deps';

export function getListingSettings(deps: CatalogDeps, cooperativeId: string): Promise<ListingSettings> {
  return deps.listingSettings.get(cooperativeId);
}

/** A pengurus sets the price-review threshold; audited in the same single-document write. */
export async function setListingSettings(
  deps: CatalogDeps,
  cooperativeId: string,
  change: { priceReviewThresholdPercent: number },
  actor: Actor,
  ctx: WriteContext = {},
): Promise<ListingSettings> {
  const before = await deps.listingSettings.get(cooperativeId);
  const now = new Date();
  const after: ListingSettings = { ...before, ...change, updatedAt: now };
  const event = auditEvent({
    cooperativeId,
    actor,
    action: 'catalog.listing-settings.updated',
    target: { type: 'listing-settings', id: cooperativeId },
    before: { priceReviewThresholdPercent: before.priceReviewThresholdPercent },
    after: { priceReviewThresholdPercent: after.priceReviewThresholdPercent },
    at: now,
    ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
  });
  await deps.listingSettings.save(after, [event]);
  deps.outboxWritten?.('listing_settings', cooperativeId);
  return after;
}
