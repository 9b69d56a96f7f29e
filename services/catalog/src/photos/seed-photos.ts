import { createHash } from 'node:crypto';
import type { Category } from '@pasar/contracts';
import { demoPhotoSvg, renderDemoPhoto } from '@pasar/demo-data/photos';
import type { ProductPhoto } from '../domain/photo';
import { processPhoto } from './photo-pipeline';
import { variantKey } from './photo-store';
import { type PhotoDeps, putVariants, storePhoto, toProductPhoto } from './upload-photo';

/** Who "uploaded" the demo pictures: no person; the seed. */
export const DEMO_PHOTO_OWNER = 'seed:demo-data';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The demo photo's id: from the product and the drawing, so a second seed run finds it again and a
 * changed drawing gets a new id (variants are immutable under their URL).
 */
export function demoPhotoId(productId: string, svg: string): string {
  const hash = createHash('sha256').update(`${productId}\n${svg}`).digest();
  return `pho_${[...hash.subarray(0, 22)].map((b) => BASE62[b % 62]).join('')}`;
}

export interface DemoPhotoProduct {
  productId: string;
  cooperativeId: string;
  name: string;
  category: Category;
}

/**
 * A demo product's photo, drawn by @pasar/demo-data and stored through the upload pipeline (WebP
 * variants, a `photos` document). Idempotent: a photo already recorded is returned as it is, and
 * its files are written again only if the store lost them (a wiped PHOTO_DIR).
 */
export async function seedDemoPhoto(deps: PhotoDeps, product: DemoPhotoProduct): Promise<ProductPhoto> {
  const photoId = demoPhotoId(product.productId, demoPhotoSvg(product));
  const known = await deps.records.findById(photoId);
  const largest = known?.variants.at(-1);
  if (known && largest && (await deps.store.get(variantKey(photoId, largest.width))))
    return toProductPhoto(known);
  const processed = await processPhoto(await renderDemoPhoto(product), 'image/png');
  if (known) {
    await putVariants(deps.store, photoId, processed);
    return toProductPhoto(known);
  }
  return storePhoto(deps, photoId, processed, {
    cooperativeId: product.cooperativeId,
    personId: DEMO_PHOTO_OWNER,
  });
}
