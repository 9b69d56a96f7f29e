import { moderateEdit } from '../domain/moderation';
import type { Product, ProductChanges } from '../domain/product';
import { editorKindOf } from './actor';
import type { CatalogDeps, WriteContext } from './deps';
import { saveEdit } from './save-edit';

/**
 * Edits a product (archiving is an edit to status 'archived'). For a penjual, moderation decides
 * first (moderateEdit): publishing a listing never approved, or a price change above the
 * cooperative's threshold, waits for a pengurus instead of applying. Nothing to change is a no-op.
 */
export async function updateProduct(
  deps: CatalogDeps,
  productId: string,
  changes: ProductChanges,
  ctx: WriteContext = {},
  /** The product as the caller just read it (saves a read; a stale one only costs a retry). */
  known?: Product,
): Promise<{ product: Product; changed: boolean }> {
  return saveEdit(
    deps,
    productId,
    ctx,
    async (current, actor) => {
      const editor = editorKindOf(actor);
      const threshold =
        editor === 'penjual'
          ? (await deps.listingSettings.get(current.cooperativeId)).priceReviewThresholdPercent
          : 0;
      const edit = moderateEdit(editor, current, changes, threshold, new Date());
      const opens = edit.review?.state === 'pending' && edit.review !== current.review;
      return { edit, kind: opens ? 'review_requested' : 'edited' };
    },
    known,
  );
}
