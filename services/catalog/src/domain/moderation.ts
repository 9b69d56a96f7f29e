import { DomainError } from '@pasar/service-kit';
import { invalidTransition } from './errors';
import type { Product, ProductChanges, ProductEdit } from './product';

/**
 * Listing moderation (decision 0015). A penjual's new listing, and a penjual's price change above
 * the cooperative's threshold, wait for a pengurus. Staff listings are never moderated.
 * - listing: the product stays a draft until approved (approval publishes it, once);
 * - price: the old price stays live; `pendingPrice` waits beside it until approved or rejected.
 */
export const REVIEW_STATES = ['pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_KINDS = ['listing', 'price'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface ListingReview {
  state: ReviewState;
  kind: ReviewKind;
  /** kind 'price': the price asked for (the live price is unchanged until approval). */
  pendingPrice: number | null;
  /** Why a pengurus rejected it (shown to the seller). */
  reason: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  /** Person id of the pengurus who decided. */
  decidedBy: string | null;
}

export const DEFAULT_PRICE_REVIEW_THRESHOLD_PERCENT = 20;

/**
 * Goods whose distribution is regulated (LPG and fertiliser: the cooperative is the registered
 * pangkalan / kios): only the cooperative itself lists them. With `het` and `buyerLimit`, the marks
 * of subsidised goods (decision 0014), a penjual may set none of them.
 */
export const SUBSIDISED_CATEGORIES = ['lpg', 'pupuk'] as const;

/** Who is editing, as moderation sees it: staff are trusted; a penjual is moderated. */
export type EditorKind = 'staff' | 'penjual';

const subsidisedOnly = (field: string, why: string) =>
  new DomainError('PRODUCT.SUBSIDISED_STAFF_ONLY', `${field}: ${why}`, 422, { field });

/**
 * A penjual may not list or mark subsidised goods: 422 naming the first field that says so.
 * Staff may (they list them at the HET).
 */
export function assertSellerMayList(
  editor: EditorKind,
  fields: Partial<Pick<Product, 'category' | 'het' | 'buyerLimit'>>,
): void {
  if (editor === 'staff') return;
  if (fields.category && (SUBSIDISED_CATEGORIES as readonly string[]).includes(fields.category))
    throw subsidisedOnly(
      'category',
      'LPG dan pupuk hanya dijual oleh koperasi (the cooperative itself lists regulated goods)',
    );
  if (fields.het === true) throw subsidisedOnly('het', 'barang bersubsidi (HET) hanya dijual oleh koperasi');
  if (fields.buyerLimit !== undefined && fields.buyerLimit !== null)
    throw subsidisedOnly('buyerLimit', 'batas per pembeli hanya untuk barang bersubsidi koperasi');
}

/** True when moving from `live` to `asked` changes the price by more than `thresholdPercent` of it (integer maths). */
export function priceNeedsReview(live: number, asked: number, thresholdPercent: number): boolean {
  return Math.abs(asked - live) * 100 > thresholdPercent * live;
}

/** The status a new listing is stored with, and the review it opens (if any). */
export function newListingModeration(
  editor: EditorKind,
  requested: Product['status'],
  now: Date,
): Pick<Product, 'status' | 'listingApproved' | 'review'> {
  if (editor === 'staff') return { status: requested, listingApproved: true, review: null };
  if (requested !== 'published') return { status: requested, listingApproved: false, review: null };
  return { status: 'draft', listingApproved: false, review: pending('listing', null, now) };
}

const pending = (kind: ReviewKind, pendingPrice: number | null, requestedAt: Date): ListingReview => ({
  state: 'pending',
  kind,
  pendingPrice,
  reason: null,
  requestedAt,
  decidedAt: null,
  decidedBy: null,
});

/**
 * What an edit really changes once moderation had its say. For a penjual:
 * - publishing a listing never approved opens (or keeps) a listing review and leaves it a draft;
 * - moving it to draft or archived withdraws a pending listing review;
 * - a price change on an approved listing above the threshold becomes a pending price change
 *   (the live price stays); one within the threshold applies and withdraws a pending one.
 * Staff edits pass unchanged.
 */
export function moderateEdit(
  editor: EditorKind,
  current: Product,
  changes: ProductChanges,
  thresholdPercent: number,
  now: Date,
): ProductEdit {
  if (editor === 'staff') return changes;
  assertSellerMayList(editor, changes);
  const edit: ProductEdit = { ...changes };
  const review = current.review?.state === 'pending' ? current.review : null;
  if (!current.listingApproved) {
    // As for anyone: an archived listing goes back to draft first (approval would publish it).
    if (changes.status === 'published' && current.status === 'archived')
      throw invalidTransition('archived', 'published');
    if (changes.status === 'published') {
      delete edit.status;
      if (review?.kind !== 'listing') edit.review = pending('listing', null, now);
    } else if (changes.status && changes.status !== current.status && review?.kind === 'listing') {
      edit.review = null;
    }
    return edit;
  }
  if (changes.price !== undefined && changes.price !== current.price) {
    if (priceNeedsReview(current.price, changes.price, thresholdPercent)) {
      delete edit.price;
      if (review?.kind !== 'price' || review.pendingPrice !== changes.price)
        edit.review = pending('price', changes.price, now);
    } else if (review?.kind === 'price') {
      edit.review = null;
    }
  } else if (changes.price !== undefined && review?.kind === 'price') {
    edit.review = null; // asked for the live price again: nothing waits any more
  }
  return edit;
}

export const reviewNotPending = (productId: string) =>
  new DomainError('REVIEW.NOT_PENDING', `Product ${productId} has nothing waiting for review`, 409);

/** A pengurus's decision on the pending review: what it changes on the product. */
export function decideReview(
  current: Product,
  decision: { approve: true } | { approve: false; reason: string },
  by: string,
  now: Date,
): ProductEdit {
  const review = current.review;
  if (review?.state !== 'pending') throw reviewNotPending(current.id);
  const decided = { ...review, decidedAt: now, decidedBy: by };
  if (!decision.approve) return { review: { ...decided, state: 'rejected', reason: decision.reason } };
  const approved: ListingReview = { ...decided, state: 'approved', reason: null };
  if (review.kind === 'listing') return { review: approved, listingApproved: true, status: 'published' };
  return { review: approved, price: review.pendingPrice ?? current.price };
}

/** One changed field as the review queue and the history show it. */
export interface FieldDiff {
  field: string;
  before: unknown;
  after: unknown;
}

const LISTING_FIELDS = ['name', 'description', 'category', 'unit', 'price', 'maxPerOrder'] as const;

/** What a pending review would change: every field of a new listing, or the price. */
export function reviewDiff(p: Product): FieldDiff[] {
  if (p.review?.state !== 'pending') return [];
  if (p.review.kind === 'price') return [{ field: 'price', before: p.price, after: p.review.pendingPrice }];
  return [
    ...LISTING_FIELDS.map((field) => ({ field, before: null, after: p[field] })),
    { field: 'photos', before: null, after: p.photos.map((ph) => ph.photoId) },
  ];
}
