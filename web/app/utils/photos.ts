import type { ProductPhoto } from './sellers';

/**
 * Photo URLs as the browser should fetch them: catalog serves `/photos/{photoId}/{width}.webp`, and
 * the web proxies the same path (routes/photos.$photoId.$file), so an absolute catalog URL becomes
 * its same-origin path. Anything else (a URL we do not proxy) is dropped.
 */
export function photoPath(url: string): string | null {
  const path = url.startsWith('/') ? url : safePath(url);
  return path && /^\/photos\/[A-Za-z0-9_-]{1,64}\/\d{1,5}\.webp$/.test(path) ? path : null;
}

function safePath(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

export interface ImageSource {
  src: string;
  srcSet: string;
  width: number;
  height: number;
}

/**
 * The `<img>` attributes of a photo shown `size` CSS pixels wide: every variant in `srcset` (the
 * browser picks by `sizes` and the screen's density), `src` the smallest variant at least `size`
 * wide, width/height in the photo's own aspect ratio so nothing shifts as it loads.
 */
export function imageSource(photo: ProductPhoto, size: number): ImageSource | null {
  const variants = photo.variants
    .map((v) => ({ width: v.width, path: photoPath(v.url) }))
    .filter((v): v is { width: number; path: string } => v.path !== null && v.width > 0)
    .sort((a, b) => a.width - b.width);
  const fallback = variants.find((v) => v.width >= size) ?? variants.at(-1);
  if (!fallback || photo.width <= 0 || photo.height <= 0) return null;
  return {
    src: fallback.path,
    srcSet: variants.map((v) => `${v.path} ${v.width}w`).join(', '),
    width: size,
    height: Math.max(1, Math.round((size * photo.height) / photo.width)),
  };
}
