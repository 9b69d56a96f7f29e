import pLimit from 'p-limit';
import sharp from 'sharp';
import { type AcceptedImageType, declaredMediaType, detectImageType, MIME_OF } from './image-type';
import {
  heicUnsupported,
  MAX_INPUT_PIXELS,
  notAnImage,
  tooManyPixels,
  typeMismatch,
  unreadableImage,
} from './photo-errors';

/** The widths the storefront asks for (`srcset`); a smaller source keeps only those it can fill. */
export const VARIANT_WIDTHS = [320, 640, 1280] as const;
export const WEBP_QUALITY = 78;
/**
 * Photos decoded at once by this process: a 40 MP decode holds about 120 MB of pixels, and sharp
 * already spreads one over the cores; more uploads wait their turn instead of exhausting memory.
 */
export const MAX_CONCURRENT_DECODES = 2;
const decodeSlot = pLimit(MAX_CONCURRENT_DECODES);
/** Decodes running and waiting now (for tests and metrics). */
export const decodeLoad = () => ({ running: decodeSlot.activeCount, waiting: decodeSlot.pendingCount });

export interface Variant {
  width: number;
  height: number;
  bytes: Buffer;
}

/** An accepted photo: WebP variants, smallest first, upright, with no metadata left. */
export interface ProcessedPhoto {
  /** The source type the bytes turned out to be. */
  type: AcceptedImageType;
  /** Size of the largest variant. */
  width: number;
  height: number;
  variants: Variant[];
}

/** sharp's metadata `format` for each type we accept (AVIF is a HEIF container). */
const SHARP_FORMAT: Record<AcceptedImageType, string> = {
  jpeg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
};

/** The widths to make for a source `sourceWidth` pixels wide: never upscaled, at least one. */
export function variantWidths(sourceWidth: number): number[] {
  const fit = VARIANT_WIDTHS.filter((w) => w <= sourceWidth);
  return fit.length > 0 ? fit : [sourceWidth];
}

/** The type the bytes are, refusing what we do not take and a declared type that disagrees. */
export function acceptedType(bytes: Uint8Array, declaredType: string | undefined): AcceptedImageType {
  const type = detectImageType(bytes);
  const declared = declaredMediaType(declaredType);
  if (type === null) throw notAnImage();
  if (type === 'heic') throw heicUnsupported();
  if (declared !== null && declared !== MIME_OF[type]) throw typeMismatch(declared, MIME_OF[type]);
  return type;
}

async function headerOf(bytes: Buffer, type: AcceptedImageType) {
  // Only the header is read here; the pixel limit is ours to check, with the declared size.
  const meta = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw unreadableImage();
    });
  if (meta.format !== SHARP_FORMAT[type] || !meta.width || !meta.height) throw unreadableImage();
  // Checked on the header, before anything is decoded: a bomb declares its size honestly.
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw tooManyPixels(meta.width, meta.height);
  // EXIF orientations 5–8 turn the picture a quarter: width and height swap once upright.
  const turned = (meta.orientation ?? 1) >= 5;
  return { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
}

/**
 * Checks an upload and makes its WebP variants: the type from the bytes, the pixel count from the
 * header, then one decode (libvips also enforces the pixel limit), turned upright by its EXIF
 * orientation, resized to each width and encoded without any metadata (sharp keeps none unless
 * asked: no EXIF, GPS, XMP or ICC profile; colours are converted to sRGB).
 */
export async function processPhoto(input: Uint8Array, declaredType?: string): Promise<ProcessedPhoto> {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const type = acceptedType(bytes, declaredType);
  const source = await headerOf(bytes, type);
  const widths = variantWidths(source.width);
  return decodeSlot(() => encodeVariants(bytes, type, widths));
}

async function encodeVariants(
  bytes: Buffer,
  type: AcceptedImageType,
  widths: number[],
): Promise<ProcessedPhoto> {
  try {
    const largest = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: widths.at(-1)!, withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = largest.info;
    const variants = await Promise.all(
      widths.map(async (w) => {
        const out = await sharp(largest.data, { raw: { width, height, channels } })
          .resize({ width: w, withoutEnlargement: true })
          .webp({ quality: WEBP_QUALITY })
          .toBuffer({ resolveWithObject: true });
        return { width: out.info.width, height: out.info.height, bytes: out.data };
      }),
    );
    const top = variants.at(-1)!;
    return { type, width: top.width, height: top.height, variants };
  } catch {
    throw unreadableImage();
  }
}
