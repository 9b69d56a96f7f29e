import type { CATEGORIES, UNITS } from '@pasar/contracts';
import { z } from 'zod';
import { answerSchema } from './contract.server';
import { callService } from './http.server';
import type {
  HistoryEntry,
  ListingSettings,
  ProductPhoto,
  ReviewItem,
  SellerPage,
  StaffProductView,
} from './views';
import type { StockReason } from './sellers';

/**
 * Catalog's seller side (decision 0015): a penjual's own listings, their moderation, stock with a
 * reason, photos and history; the moderators' queue and threshold; the public seller page. Every call
 * but the public page carries the person's catalog token; a product that is not theirs answers 404.
 * Answers are checked against catalog's own document (answerSchema).
 */
const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;
const productPath = (productId: string) => `/products/${encodeURIComponent(productId)}`;

/** The penjual's own listings, whatever their status and review (catalog filters them by owner). */
export async function listMyListings(token: string, cooperativeId: string): Promise<StaffProductView[]> {
  const res = await callService('catalog', `${coopPath(cooperativeId)}/products/all`, {
    token,
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/products/all'),
  });
  return res.items;
}

/** What a penjual fills in for a listing (the SKU is the web's; the seller id catalog's). */
export interface ListingInput {
  name: string;
  description: string;
  category: (typeof CATEGORIES)[number];
  unit: (typeof UNITS)[number];
  price: number;
  maxPerOrder: number | null;
}

/** A new listing; for a penjual it waits for a pengurus's review (catalog sets the seller id itself). */
export function createListing(
  token: string,
  cooperativeId: string,
  input: ListingInput & { sku: string; stock: number },
): Promise<StaffProductView> {
  return callService('catalog', `${coopPath(cooperativeId)}/products`, {
    method: 'POST',
    token,
    body: input,
    schema: answerSchema('catalog', 'post', '/cooperatives/{cooperativeId}/products'),
  });
}

/** Edits (a price change above the threshold waits for review) or archives (`status: 'archived'`). */
export function updateListing(
  token: string,
  productId: string,
  change: Partial<Omit<ListingInput, 'category' | 'unit'>> & { status?: 'archived' | 'draft' },
): Promise<StaffProductView> {
  return callService('catalog', productPath(productId), {
    method: 'PATCH',
    token,
    body: change,
    schema: answerSchema('catalog', 'patch', '/products/{productId}'),
  });
}

export function adjustStock(
  token: string,
  productId: string,
  adjustment: { quantity: number; reason: StockReason; note: string },
): Promise<StaffProductView> {
  return callService('catalog', `${productPath(productId)}/stock-adjustments`, {
    method: 'POST',
    token,
    body: adjustment,
    schema: answerSchema('catalog', 'post', '/products/{productId}/stock-adjustments'),
  });
}

/**
 * Catalog's upload answer (POST /cooperatives/{id}/photos, multipart field `file`), described here
 * until the photo routes are in catalog's generated document.
 */
const UploadedPhotoSchema: z.ZodType<ProductPhoto> = z.object({
  photoId: z.string().min(1),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  variants: z.array(z.object({ width: z.number().int().min(1), url: z.string().min(1) })).min(1),
});

/** Uploads one photo; catalog resizes it to WebP variants without EXIF (or refuses it: 400/413/415/422). */
export function uploadPhoto(token: string, cooperativeId: string, file: File): Promise<ProductPhoto> {
  const form = new FormData();
  form.set('file', file, file.name);
  return callService('catalog', `${coopPath(cooperativeId)}/photos`, {
    method: 'POST',
    token,
    form,
    schema: UploadedPhotoSchema,
    timeoutMs: 30_000,
  });
}

/** The listing's photos, in order (ids of photos the same person uploaded to this cooperative). */
export function setPhotos(token: string, productId: string, photoIds: string[]): Promise<StaffProductView> {
  return callService('catalog', `${productPath(productId)}/photos`, {
    method: 'PUT',
    token,
    body: { photoIds },
    schema: answerSchema('catalog', 'put', '/products/{productId}/photos'),
  });
}

/** Every change of price, stock, text and photos of a listing, newest first (the owner and staff). */
export async function listingHistory(token: string, productId: string): Promise<HistoryEntry[]> {
  const res = await callService('catalog', `${productPath(productId)}/history`, {
    token,
    schema: answerSchema('catalog', 'get', '/products/{productId}/history'),
  });
  return res.items;
}

/** The moderators' queue: new listings and price changes waiting, with the diff (pengurus, pengawas). */
export async function listReviews(token: string, cooperativeId: string): Promise<ReviewItem[]> {
  const res = await callService('catalog', `${coopPath(cooperativeId)}/reviews`, {
    token,
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/reviews'),
  });
  return res.items;
}

export function decideReview(
  token: string,
  productId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<StaffProductView> {
  return decision.approve
    ? callService('catalog', `${productPath(productId)}/review/approve`, {
        method: 'POST',
        token,
        schema: answerSchema('catalog', 'post', '/products/{productId}/review/approve'),
      })
    : callService('catalog', `${productPath(productId)}/review/reject`, {
        method: 'POST',
        token,
        body: { reason: decision.reason },
        schema: answerSchema('catalog', 'post', '/products/{productId}/review/reject'),
      });
}

export function getListingSettings(token: string, cooperativeId: string): Promise<ListingSettings> {
  return callService('catalog', `${coopPath(cooperativeId)}/listing-settings`, {
    token,
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/listing-settings'),
  });
}

export function putListingSettings(
  token: string,
  cooperativeId: string,
  settings: { priceReviewThresholdPercent: number },
): Promise<ListingSettings> {
  return callService('catalog', `${coopPath(cooperativeId)}/listing-settings`, {
    method: 'PUT',
    token,
    body: settings,
    schema: answerSchema('catalog', 'put', '/cooperatives/{cooperativeId}/listing-settings'),
  });
}

/** The public seller page: the shop's facts and their published goods; 404 for unknown or suspended. */
export function getSellerPage(cooperativeId: string, sellerId: string): Promise<SellerPage> {
  return callService('catalog', `${coopPath(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`, {
    schema: answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/sellers/{sellerId}'),
  });
}
