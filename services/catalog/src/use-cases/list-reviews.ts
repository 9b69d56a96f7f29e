import { type FieldDiff, reviewDiff } from '../domain/moderation';
import type { Product } from '../domain/product';
import type { CatalogDeps } from './deps';

export interface PendingReview {
  product: Product;
  diff: FieldDiff[];
}

/** The moderation queue of a cooperative: every pending listing and price change, oldest request first. */
export async function listReviews(deps: CatalogDeps, cooperativeId: string): Promise<PendingReview[]> {
  const products = await deps.products.findByCooperative(cooperativeId);
  return products
    .filter((p) => p.review?.state === 'pending')
    .sort((a, b) => a.review!.requestedAt.getTime() - b.review!.requestedAt.getTime())
    .map((product) => ({ product, diff: reviewDiff(product) }));
}
