import type { CATEGORIES, UNITS } from '@pasar/contracts';
import { z } from 'zod';
import { SellerFieldsSchema } from './catalog.server';
import { answerSchema } from './contract.server';
import { callService, serviceUnavailable } from './http.server';
import type {
  HistoryEntry,
  ListingReview,
  ProductPhoto,
  ReviewItem,
  SellerListing,
  ShopProduct,
  StockReason,
} from './sellers';
import type { ProductView } from './views';

/**
 * Catalog's seller side (decision 0015): a penjual's own listings, their moderation, stock with a
 * reason, photos and history; the moderators' queue and threshold; the public seller page. Every call
 * but the public page carries the person's catalog token; a product that is not theirs answers 404.
 */
const coopPath = (cooperativeId: string) => `/cooperatives/${encodeURIComponent(cooperativeId)}`;
const productPath = (productId: string) => `/products/${encodeURIComponent(productId)}`;

const PhotoSchema: z.ZodType<ProductPhoto> = z.object({
  photoId: z.string().min(1),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  variants: z.array(z.object({ width: z.number().int().min(1), url: z.string().min(1) })),
});

const ReviewSchema: z.ZodType<ListingReview> = z.object({
  state: z.enum(['pending', 'approved', 'rejected']),
  kind: z.enum(['listing', 'price']),
  pendingPrice: z.number().int().nullable(),
  reason: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});
const ListingExtrasSchema = z.intersection(
  SellerFieldsSchema,
  z.object({
    review: ReviewSchema.nullable().optional(),
    sellerSuspended: z.boolean().optional(),
    listingApproved: z.boolean().optional(),
  }),
);
const StaffProductAnswer = z.intersection(
  answerSchema('catalog', 'get', '/cooperatives/{cooperativeId}/products/all'),
  z.object({ items: z.array(ListingExtrasSchema) }),
) as z.ZodType<{ items: SellerListing[] }>;

/** The penjual's own listings, whatever their status and review (catalog filters them by owner). */
export async function listMyListings(token: string, cooperativeId: string): Promise<SellerListing[]> {
  const res = await callService('catalog', `${coopPath(cooperativeId)}/products/all`, {
    token,
    schema: StaffProductAnswer,
  });
  return res.items;
}

/** What a penjual fills in for a listing (the SKU and the owner are the web's and catalog's). */
export interface ListingInput {
  name: string;
  description: string;
  category: (typeof CATEGORIES)[number];
  unit: (typeof UNITS)[number];
  price: number;
  maxPerOrder: number | null;
}

const ProductAnswer = answerSchema('catalog', 'get', '/products/{productId}') as z.ZodType<ProductView>;

/** A new listing; for a penjual it waits for a pengurus's review (catalog sets the seller id itself). */
export function createListing(
  token: string,
  cooperativeId: string,
  input: ListingInput & { sku: string; stock: number },
): Promise<ProductView> {
  return callService('catalog', `${coopPath(cooperativeId)}/products`, {
    method: 'POST',
    token,
    body: input,
    schema: ProductAnswer,
  });
}

/** Edits (a price change above the threshold waits for review) or archives (`status: 'archived'`). */
export function updateListing(
  token: string,
  productId: string,
  change: Partial<Omit<ListingInput, 'category' | 'unit'>> & { status?: 'archived' | 'draft' },
): Promise<ProductView> {
  return callService('catalog', productPath(productId), {
    method: 'PATCH',
    token,
    body: change,
    schema: ProductAnswer,
  });
}

export function adjustStock(
  token: string,
  productId: string,
  adjustment: { quantity: number; reason: StockReason; note: string },
): Promise<unknown> {
  return callService('catalog', `${productPath(productId)}/stock-adjustments`, {
    method: 'POST',
    token,
    body: adjustment,
    schema: z.unknown(),
  });
}

/** Uploads one photo (multipart field `file`); catalog resizes it to WebP variants without EXIF. */
export function uploadPhoto(token: string, cooperativeId: string, file: File): Promise<ProductPhoto> {
  const form = new FormData();
  form.set('file', file, file.name);
  return callService('catalog', `${coopPath(cooperativeId)}/photos`, {
    method: 'POST',
    token,
    form,
    schema: PhotoSchema,
    timeoutMs: 30_000,
  });
}

/** The listing's photos, in order (ids of photos the same person uploaded). */
export function setPhotos(token: string, productId: string, photoIds: string[]): Promise<unknown> {
  return callService('catalog', `${productPath(productId)}/photos`, {
    method: 'PUT',
    token,
    body: { photoIds },
    schema: z.unknown(),
  });
}

const ChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const HistorySchema: z.ZodType<{ items: HistoryEntry[] }> = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      by: z.object({ personId: z.string(), roles: z.array(z.string()) }).nullable(),
      kind: z.string(),
      changes: z.array(ChangeSchema),
      reason: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
});

/** Every change of price, stock and text of a listing, newest first (the owner and staff). */
export async function listingHistory(token: string, productId: string): Promise<HistoryEntry[]> {
  return (await callService('catalog', `${productPath(productId)}/history`, { token, schema: HistorySchema }))
    .items;
}

const ReviewsSchema = z.object({
  items: z.array(
    z.object({
      product: z.unknown(),
      kind: z.enum(['listing', 'price']),
      requestedAt: z.string(),
      diff: z.array(ChangeSchema),
    }),
  ),
});

/** The moderators' queue: new listings and price changes waiting, with the diff (pengurus, pengawas). */
export async function listReviews(token: string, cooperativeId: string): Promise<ReviewItem[]> {
  const res = await callService('catalog', `${coopPath(cooperativeId)}/reviews`, {
    token,
    schema: ReviewsSchema,
  });
  // Each product is checked as catalog's back-office view (the same schema as the listing list).
  const products = StaffProductAnswer.safeParse({ items: res.items.map((i) => i.product) });
  if (!products.success) throw serviceUnavailable('catalog');
  return res.items.map((item, i) => ({ ...item, product: products.data.items[i] as SellerListing }));
}

export function decideReview(
  token: string,
  productId: string,
  decision: { approve: true } | { approve: false; reason: string },
): Promise<unknown> {
  return callService(
    'catalog',
    `${productPath(productId)}/review/${decision.approve ? 'approve' : 'reject'}`,
    {
      method: 'POST',
      token,
      body: decision.approve ? {} : { reason: decision.reason },
      schema: z.unknown(),
    },
  );
}

const ListingSettingsSchema = z.object({ priceReviewThresholdPercent: z.number().int().min(0) });
export type ListingSettings = z.infer<typeof ListingSettingsSchema>;

export function getListingSettings(token: string, cooperativeId: string): Promise<ListingSettings> {
  return callService('catalog', `${coopPath(cooperativeId)}/listing-settings`, {
    token,
    schema: ListingSettingsSchema,
  });
}

export function putListingSettings(
  token: string,
  cooperativeId: string,
  settings: ListingSettings,
): Promise<ListingSettings> {
  return callService('catalog', `${coopPath(cooperativeId)}/listing-settings`, {
    method: 'PUT',
    token,
    body: settings,
    schema: ListingSettingsSchema,
  });
}

const SellerPageSchema = z.object({
  sellerId: z.string(),
  shopName: z.string(),
  description: z.string(),
  products: z.array(z.intersection(ProductAnswer, SellerFieldsSchema)),
});
export interface SellerPage {
  sellerId: string;
  shopName: string;
  description: string;
  products: ShopProduct[];
}

/** The public seller page: the shop's facts and their published goods; 404 for unknown or suspended. */
export function getSellerPage(cooperativeId: string, sellerId: string): Promise<SellerPage> {
  return callService('catalog', `${coopPath(cooperativeId)}/sellers/${encodeURIComponent(sellerId)}`, {
    schema: SellerPageSchema as z.ZodType<SellerPage>,
  });
}
