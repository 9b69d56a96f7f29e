/**
 * A product photo as catalog stores it after the upload pipeline (src/photos): one WebP file per
 * width, EXIF stripped. Products keep only these small records, never the bytes.
 */
export interface ProductPhoto {
  photoId: string;
  /** Pixel size of the largest variant (the aspect ratio the storefront reserves). */
  width: number;
  height: number;
  /** WebP variants, smallest first; `url` is what a browser fetches (`srcset` = url + ` ${width}w`). */
  variants: { width: number; url: string }[];
}

/** The photo store as product use cases see it: only photos uploaded by this person in this cooperative. */
export interface PhotoLookup {
  /** The photos, in the given order, or null when any id is unknown or not this uploader's in this cooperative. */
  findOwned(
    photoIds: readonly string[],
    owner: { cooperativeId: string; personId: string },
  ): Promise<ProductPhoto[] | null>;
}
