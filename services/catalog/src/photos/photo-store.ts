/**
 * Where photo bytes live: an object store addressed by key (`<photoId>/<width>.webp`). The local
 * disk in development (disk-photo-store.ts), S3-compatible storage in production (s3-photo-store.ts).
 * Keys are written once per photo id (ids are random), so a key always names the same bytes.
 */
export interface PhotoStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Photo variants never change under their key: browsers and CDNs may keep them for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Slash-separated segments of letters, digits, `_`, `-` and inner dots: nothing that can climb out. */
const KEY = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*(?:\/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)*$/;

export class InvalidPhotoKeyError extends Error {
  constructor(key: string) {
    super(`Invalid photo store key ${JSON.stringify(key.slice(0, 80))}`);
    this.name = 'InvalidPhotoKeyError';
  }
}

/** Every adapter checks keys the same way before touching storage. */
export function checkedKey(key: string): string {
  if (key.length > 200 || !KEY.test(key)) throw new InvalidPhotoKeyError(key);
  return key;
}

export const variantKey = (photoId: string, width: number) => checkedKey(`${photoId}/${width}.webp`);
