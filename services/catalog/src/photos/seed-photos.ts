import { createHash } from 'node:crypto';
import type { Category } from '@pasar/contracts';
import { demoPhotoSvg, renderDemoPhoto } from '@pasar/demo-data/photos';
import type { ProductPhoto } from '../domain/photo';
import sharp from 'sharp';
import { processPhoto, VARIANT_WIDTHS } from './photo-pipeline';
import { variantKey } from './photo-store';
import { type PhotoDeps, putVariants, storePhoto, toProductPhoto, variantUrl } from './upload-photo';

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
  // Another database (each test market has its own) may already have drawn this picture into the
  // shared store: record it from the stored variants instead of drawing and encoding it again.
  if (!known) {
    const stored = await storedVariants(deps, photoId);
    if (stored) return recordStored(deps, photoId, stored, product.cooperativeId);
  }
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

/** The variants the store holds for `photoId` at the pipeline's widths, with their sizes; null if none. */
async function storedVariants(deps: PhotoDeps, photoId: string) {
  const found: { width: number; height: number }[] = [];
  for (const w of VARIANT_WIDTHS) {
    const bytes = await deps.store.get(variantKey(photoId, w));
    if (!bytes) continue;
    const meta = await sharp(bytes).metadata();
    if (meta.format !== 'webp' || meta.width !== w || !meta.height) return null;
    found.push({ width: w, height: meta.height });
  }
  return found.length > 0 ? found : null;
}

async function recordStored(
  deps: PhotoDeps,
  photoId: string,
  variants: { width: number; height: number }[],
  cooperativeId: string,
): Promise<ProductPhoto> {
  const largest = variants[variants.length - 1]!;
  const doc = {
    _id: photoId,
    cooperativeId,
    ownerPersonId: DEMO_PHOTO_OWNER,
    width: largest.width,
    height: largest.height,
    variants: variants.map((v) => ({ width: v.width, url: variantUrl(photoId, v.width) })),
    createdAt: new Date(),
  };
  try {
    await deps.records.insert(doc);
  } catch (err) {
    // A seed running at the same time recorded it first.
    const existing = await deps.records.findById(photoId);
    if (!existing) throw err;
    return toProductPhoto(existing);
  }
  return toProductPhoto(doc);
}
