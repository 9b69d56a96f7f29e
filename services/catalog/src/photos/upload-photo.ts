import type { Logger } from '@pasar/events';
import { randomId } from '@pasar/service-kit';
import type { ProductPhoto } from '../domain/photo';
import { type ProcessedPhoto, processPhoto } from './photo-pipeline';
import type { PhotoDoc, PhotoRecords } from './photo.repository';
import { type PhotoStore, variantKey } from './photo-store';

/** What the photo routes and the seed need: the object store and the `photos` collection. */
export interface PhotoDeps {
  store: PhotoStore;
  records: PhotoRecords;
  logger?: Logger;
}

export const PHOTO_ID_PATTERN = /^pho_[0-9A-Za-z]{22}$/;

/** The path a browser fetches a variant from, relative to catalog (the web serves it under its own origin). */
export const variantUrl = (photoId: string, width: number) => `/photos/${photoId}/${width}.webp`;

export interface PhotoOwner {
  cooperativeId: string;
  personId: string;
}

/** Writes every variant; all writes settle before a failure is thrown (so an undo comes after them). */
export async function putVariants(store: PhotoStore, photoId: string, photo: ProcessedPhoto): Promise<void> {
  const puts = await Promise.allSettled(
    photo.variants.map((v) => store.put(variantKey(photoId, v.width), v.bytes, 'image/webp')),
  );
  const failed = puts.find((p): p is PromiseRejectedResult => p.status === 'rejected');
  if (failed) throw failed.reason;
}

/** The photo as products carry it. */
export const toProductPhoto = (
  doc: Pick<PhotoDoc, '_id' | 'width' | 'height' | 'variants'>,
): ProductPhoto => ({
  photoId: doc._id,
  width: doc.width,
  height: doc.height,
  variants: doc.variants.map((v) => ({ width: v.width, url: v.url })),
});

/**
 * Stores each variant, then records the photo. A failure on the way removes the variants already
 * written (the undo), so no bytes are left without a record and no record points at missing bytes.
 */
export async function storePhoto(
  deps: PhotoDeps,
  photoId: string,
  photo: ProcessedPhoto,
  owner: PhotoOwner,
): Promise<ProductPhoto> {
  const doc: PhotoDoc = {
    _id: photoId,
    cooperativeId: owner.cooperativeId,
    ownerPersonId: owner.personId,
    width: photo.width,
    height: photo.height,
    variants: photo.variants.map((v) => ({ width: v.width, url: variantUrl(photoId, v.width) })),
    createdAt: new Date(),
  };
  try {
    await putVariants(deps.store, photoId, photo);
    await deps.records.insert(doc);
  } catch (err) {
    await Promise.allSettled(photo.variants.map((v) => deps.store.delete(variantKey(photoId, v.width))));
    throw err;
  }
  return toProductPhoto(doc);
}

/** A seller's or staff member's upload: checked, resized to WebP without metadata, stored. */
export async function uploadPhoto(
  deps: PhotoDeps,
  upload: { bytes: Uint8Array; declaredType: string | undefined },
  owner: PhotoOwner,
): Promise<ProductPhoto> {
  const processed = await processPhoto(upload.bytes, upload.declaredType);
  const photo = await storePhoto(deps, randomId('pho'), processed, owner);
  deps.logger?.info(
    { photoId: photo.photoId, cooperativeId: owner.cooperativeId, variants: photo.variants.length },
    'photo stored',
  );
  return photo;
}
