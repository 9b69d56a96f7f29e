import { DomainError } from '@pasar/service-kit';
import type { Product } from '../domain/product';
import type { CatalogDeps, WriteContext } from './deps';
import { saveEdit } from './save-edit';

const unknownPhotos = () =>
  new DomainError(
    'PHOTO.NOT_FOUND',
    'photoIds: every photo must be one you uploaded to this cooperative (foto tidak ditemukan)',
    422,
    { field: 'photoIds' },
  );

/**
 * Sets a product's photos, in order, from photos the acting person uploaded in the product's
 * cooperative (the PhotoLookup port; the upload pipeline stores them). `[]` removes them all.
 */
export async function setProductPhotos(
  deps: CatalogDeps,
  productId: string,
  photoIds: readonly string[],
  ctx: WriteContext,
): Promise<Product> {
  const { product } = await saveEdit(deps, productId, ctx, async (current, actor) => {
    const photos =
      photoIds.length === 0
        ? []
        : await deps.photos.findOwned(photoIds, {
            cooperativeId: current.cooperativeId,
            personId: actor?.personId ?? '',
          });
    if (!photos) throw unknownPhotos();
    return { edit: { photos }, kind: 'photos_set' };
  });
  return product;
}
