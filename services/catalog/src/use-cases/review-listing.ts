import { decideReview } from '../domain/moderation';
import type { Product } from '../domain/product';
import type { CatalogDeps, WriteContext } from './deps';
import { saveEdit } from './save-edit';

export type ReviewDecision = { approve: true } | { approve: false; reason: string };

/**
 * A pengurus approves or rejects what waits on a listing: approving a new listing publishes it,
 * approving a price change makes the asked price live; a rejection keeps the listing as it is and
 * tells the seller why. Audited (`catalog.product.review-approved|rejected`) and in the history.
 * 409 REVIEW.NOT_PENDING when nothing waits.
 */
export async function reviewListing(
  deps: CatalogDeps,
  productId: string,
  decision: ReviewDecision,
  ctx: WriteContext,
): Promise<Product> {
  const { product } = await saveEdit(deps, productId, ctx, (current, actor) => ({
    edit: decideReview(current, decision, actor?.personId ?? 'system', new Date()),
    kind: decision.approve ? 'review_approved' : 'review_rejected',
    auditAs: decision.approve ? 'catalog.product.review-approved' : 'catalog.product.review-rejected',
    ...(decision.approve ? {} : { reason: decision.reason }),
  }));
  return product;
}
