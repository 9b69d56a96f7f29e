/**
 * What a file is, from its first bytes (magic numbers), never from its name or declared type.
 * `heic` is recognised only to refuse it with a helpful message: the prebuilt libvips that sharp
 * ships decodes AVIF (AV1 in HEIF) but has no HEVC decoder.
 */
export type ImageType = 'jpeg' | 'png' | 'webp' | 'avif' | 'heic';
export type AcceptedImageType = Exclude<ImageType, 'heic'>;

export const MIME_OF: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  heic: 'image/heic',
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** The ISO-BMFF `ftyp` box's brands (major, then compatible ones), or [] when there is none. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return [];
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(size, bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

export function detectImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  const brands = ftypBrands(bytes);
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'heic';
  return null;
}

/** Declared types that name no particular format: the bytes alone decide. */
const UNDECLARED = new Set(['', 'application/octet-stream']);
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/**
 * The declared media type, normalised (lower case, no parameters, common aliases), or null when
 * the sender declared nothing in particular (no type, or application/octet-stream).
 */
export function declaredMediaType(contentType: string | undefined): string | null {
  const bare = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (UNDECLARED.has(bare)) return null;
  return ALIASES[bare] ?? bare;
}
