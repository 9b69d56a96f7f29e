import type { FieldError } from '~/schemas/form';
import { MAX_PHOTO_BYTES } from '~/schemas/seller.schema';
import { setPhotos, uploadPhoto } from './catalog-sellers.server';
import { isApiError } from './http.server';

/** A multipart body larger than this is refused before it is read (one photo of ≤ 10 MB and the fields). */
export const MAX_FORM_BYTES = MAX_PHOTO_BYTES + 256 * 1024;

/** A declared body too large to be one photo and a form: refused before it is read. */
export function tooLargeToRead(request: Request): boolean {
  const length = Number(request.headers.get('Content-Length') ?? 0);
  return Number.isFinite(length) && length > MAX_FORM_BYTES;
}

/**
 * The photo field of a form: nothing chosen (null), a file to send on, or why it is refused here
 * (catalog checks the bytes themselves: type, size, decompression bombs).
 */
export function photoOf(form: FormData): File | null | { error: FieldError } {
  const value = form.get('photo');
  if (value === null || typeof value === 'string') return null;
  if (value.size === 0 && value.name === '') return null;
  if (value.size === 0) return { error: 'errors.photoEmpty' };
  if (value.size > MAX_PHOTO_BYTES) return { error: 'errors.photoTooLarge' };
  if (value.type && !value.type.startsWith('image/')) return { error: 'errors.photoType' };
  return value;
}

/** What catalog's refusal of an upload means for the seller. */
export function photoRefusal(error: unknown): FieldError | null {
  if (!isApiError(error)) return null;
  if (error.status === 413) return 'errors.photoTooLarge';
  if (error.status === 415) return 'errors.photoType';
  if (error.status === 400 || error.status === 422) return 'errors.photoInvalid';
  return null;
}

/** Uploads the photo and puts it after the listing's photos; catalog keeps only the uploader's own. */
export async function addPhoto(
  token: string,
  cooperativeId: string,
  productId: string,
  current: readonly string[],
  file: File,
): Promise<void> {
  const photo = await uploadPhoto(token, cooperativeId, file);
  await setPhotos(token, productId, [...current, photo.photoId]);
}
