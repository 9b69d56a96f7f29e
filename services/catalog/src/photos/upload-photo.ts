import type { Logger } from '@pasar/events';
import { randomId } from '@pasar/service-kit';
import type { ProductPhoto } from '../domain/photo';
import { type ProcessedPhoto, processPhoto } from './photo-pipeline';
import type { PhotoRecords } from './photo.repository';
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
  const keys = photo.variants.map((v) => variantKey(photoId, v.width));
  const undo = () => Promise.allSettled(keys.map((k) => deps.store.delete(k)));
  const result: ProductPhoto = {
    photoId,
    width: photo.width,
    height: photo.height,
    variants: photo.variants.map((v) => ({ width: v.width, url: variantUrl(photoId, v.width) })),
  };
  try {
    await Promise.all(photo.variants.map((v, i) => deps.store.put(keys[i]!, v.bytes, 'image/webp')));
    await deps.records.insert({
      _id: photoId,
      cooperativeId: owner.cooperativeId,
      ownerPersonId: owner.personId,
      width: result.width,
      height: result.height,
      variants: result.variants,
      createdAt: new Date(),
    });
  } catch (err) {
    await undo();
    throw err;
  }
  return result;
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
