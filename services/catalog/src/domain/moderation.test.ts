import { describe, expect, it } from 'vitest';
import { aProduct } from '../../test/builders';
import {
  assertSellerMayList,
  decideReview,
  type ListingReview,
  moderateEdit,
  newListingModeration,
  priceNeedsReview,
  reviewDiff,
} from './moderation';
import { buildProduct, type Product } from './product';

const now = new Date('2026-12-01T03:00:00Z');
const pendingReview = (kind: 'listing' | 'price', pendingPrice: number | null = null): ListingReview => ({
  state: 'pending',
  kind,
  pendingPrice,
  reason: null,
  requestedAt: now,
  decidedAt: null,
  decidedBy: null,
});
const product = (over: Partial<Product> = {}): Product => ({
  ...buildProduct(aProduct({ price: 10_000 }), '665f1c2b9d3e4a0012ab34cd', now),
  ...over,
});

describe('moderation', () => {
  it.each([
    // live, asked, threshold %, waits?
    [10_000, 12_000, 20, false], // exactly 20 %: not above
    [10_000, 12_001, 20, true],
    [10_000, 8_000, 20, false],
    [10_000, 7_999, 20, true], // a big drop may be a typo too
    [10_000, 10_001, 0, true], // threshold 0: every change waits
    [10_000, 10_000, 0, false],
    [15_000, 18_000, 20, false],
    [15_000, 18_001, 20, true],
  ])('a price change from %i to %i with threshold %i%% waits: %s', (live, asked, t, waits) => {
    expect(priceNeedsReview(live, asked, t)).toBe(waits);
  });

  it.each([
    ['staff', 'published', { status: 'published', listingApproved: true, review: null }],
    ['staff', 'draft', { status: 'draft', listingApproved: true, review: null }],
    ['penjual', 'draft', { status: 'draft', listingApproved: false, review: null }],
    [
      'penjual',
      'published',
      {
        status: 'draft',
        listingApproved: false,
        review: expect.objectContaining({ state: 'pending', kind: 'listing' }),
      },
    ],
  ] as const)('a new %s listing asked as %s is stored as %o', (editor, status, expected) => {
    expect(newListingModeration(editor, status, now)).toEqual(expected);
  });

  it.each([
    ['category lpg', { category: 'lpg' }, 'category'],
    ['category pupuk', { category: 'pupuk' }, 'category'],
    ['het', { het: true }, 'het'],
    ['a buyer limit', { buyerLimit: { quantity: 2, period: 'week' } }, 'buyerLimit'],
  ] as const)('refuses a penjual listing with %s: 422 naming %s; staff may', (_what, fields, field) => {
    expect(() => assertSellerMayList('penjual', fields)).toThrow(
      expect.objectContaining({ code: 'PRODUCT.SUBSIDISED_STAFF_ONLY', status: 422, details: { field } }),
    );
    expect(() => assertSellerMayList('staff', fields)).not.toThrow();
  });

  it('lets a penjual list ordinary goods without a buyer limit', () => {
    expect(() =>
      assertSellerMayList('penjual', { category: 'makanan-ringan', het: false, buyerLimit: null }),
    ).not.toThrow();
  });

  describe('moderateEdit', () => {
    const unapproved = product({ status: 'draft', listingApproved: false });
    const approved = product({ status: 'published', listingApproved: true });
    it.each([
      [
        'staff change anything as asked',
        'staff',
        unapproved,
        { status: 'published', price: 50_000 },
        { status: 'published', price: 50_000 },
      ],
      [
        'a penjual publishing an unapproved listing asks for review instead',
        'penjual',
        unapproved,
        { status: 'published', name: 'Baru' },
        { name: 'Baru', review: expect.objectContaining({ state: 'pending', kind: 'listing' }) },
      ],
      [
        'a penjual asking again while the listing waits changes nothing more',
        'penjual',
        { ...unapproved, review: pendingReview('listing') },
        { status: 'published' },
        {},
      ],
      [
        'a penjual taking a waiting listing back to draft withdraws the review',
        'penjual',
        { ...unapproved, status: 'archived' as const, review: pendingReview('listing') },
        { status: 'draft' },
        { status: 'draft', review: null },
      ],
      [
        'a penjual changing the price of an unapproved listing just changes it',
        'penjual',
        unapproved,
        { price: 90_000 },
        { price: 90_000 },
      ],
      [
        'a penjual price change within the threshold applies',
        'penjual',
        approved,
        { price: 11_000 },
        { price: 11_000 },
      ],
      [
        'a penjual price change above it waits, the live price stays',
        'penjual',
        approved,
        { price: 13_000 },
        { review: expect.objectContaining({ state: 'pending', kind: 'price', pendingPrice: 13_000 }) },
      ],
      [
        'a penjual price change within it withdraws a waiting one',
        'penjual',
        { ...approved, review: pendingReview('price', 13_000) },
        { price: 10_500 },
        { price: 10_500, review: null },
      ],
      [
        'asking for the live price again withdraws a waiting one',
        'penjual',
        { ...approved, review: pendingReview('price', 13_000) },
        { price: 10_000 },
        { price: 10_000, review: null },
      ],
    ] as const)('%s', (_what, editor, current, changes, expected) => {
      expect(moderateEdit(editor, current as Product, changes, 20, now)).toEqual(expected);
    });

    it('refuses a penjual asking to publish an archived, never approved listing (409, draft first)', () => {
      expect(() =>
        moderateEdit('penjual', { ...unapproved, status: 'archived' }, { status: 'published' }, 20, now),
      ).toThrow(expect.objectContaining({ code: 'PRODUCT.INVALID_TRANSITION' }));
    });

    it('refuses a penjual marking the product HET (422 naming het)', () => {
      expect(() => moderateEdit('penjual', approved, { het: true }, 20, now)).toThrow(
        expect.objectContaining({ details: { field: 'het' } }),
      );
    });
  });

  describe('decideReview', () => {
    it.each([
      [
        'approving a listing publishes it, once and for all',
        product({ status: 'draft', listingApproved: false, review: pendingReview('listing') }),
        { approve: true } as const,
        {
          status: 'published',
          listingApproved: true,
          review: expect.objectContaining({ state: 'approved', decidedBy: 'prs_ketua', reason: null }),
        },
      ],
      [
        'approving a price change makes the asked price live',
        product({ review: pendingReview('price', 13_000) }),
        { approve: true } as const,
        { price: 13_000, review: expect.objectContaining({ state: 'approved', kind: 'price' }) },
      ],
      [
        'rejecting keeps the listing and price, with the reason',
        product({ review: pendingReview('price', 13_000) }),
        { approve: false, reason: 'Harga terlalu tinggi' } as const,
        {
          review: expect.objectContaining({
            state: 'rejected',
            reason: 'Harga terlalu tinggi',
            pendingPrice: 13_000,
          }),
        },
      ],
    ])('%s', (_what, current, decision, expected) => {
      expect(decideReview(current, decision, 'prs_ketua', now)).toEqual(expected);
    });

    it.each([
      ['nothing was asked', null],
      ['it was decided already', { ...pendingReview('listing'), state: 'rejected' as const }],
    ])('refuses a decision when %s (409 REVIEW.NOT_PENDING)', (_what, review) => {
      expect(() => decideReview(product({ review }), { approve: true }, 'prs_ketua', now)).toThrow(
        expect.objectContaining({ code: 'REVIEW.NOT_PENDING', status: 409 }),
      );
    });
  });

  it('shows the diff of a waiting price change and of a new listing', () => {
    expect(reviewDiff(product({ review: pendingReview('price', 13_000) }))).toEqual([
      { field: 'price', before: 10_000, after: 13_000 },
    ]);
    const listing = reviewDiff(product({ review: pendingReview('listing') }));
    expect(listing).toContainEqual({ field: 'price', before: null, after: 10_000 });
    expect(listing).toContainEqual({ field: 'photos', before: null, after: [] });
    expect(reviewDiff(product())).toEqual([]);
  });
});
