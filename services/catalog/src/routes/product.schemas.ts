import {
  BUYER_LIMIT_PERIODS,
  CATEGORIES,
  CategorySchema,
  CooperativeIdSchema,
  ObjectIdSchema,
  RupiahSchema,
  SellerHandoffSchema,
  UnitSchema,
} from '@pasar/contracts';
import { z } from 'zod';
import { CURSOR_PATTERN } from '../domain/cursor';
import { PRODUCT_SORTS } from '../domain/listing';
import { HISTORY_KINDS } from '../domain/history';
import { REVIEW_KINDS, REVIEW_STATES } from '../domain/moderation';
import { PRODUCT_STATUSES } from '../domain/product';
import { ADJUSTMENT_REASONS } from '../domain/stock-adjustment';

/**
 * The schemas the routes validate with; /openapi.json is generated from these same objects. Each
 * rule is one the document can state, so a request valid per the document is never refused
 * (schemathesis' "positive data acceptance"): no trimming, no cross-field rules, lengths counted
 * in characters (code points, as JSON Schema counts), URLs by pattern.
 */

export const CooperativeParamsSchema = z.object({ cooperativeId: CooperativeIdSchema });
export const ProductParamsSchema = z.object({ productId: ObjectIdSchema });

/** A string of `min`..`max` characters (code points, as JSON Schema's minLength/maxLength count). */
const text = (min: number, max: number) =>
  z
    .string()
    .refine((s) => {
      const n = [...s].length;
      return n >= min && n <= max;
    }, `must be ${min}-${max} characters`)
    .meta({ minLength: min, maxLength: max });

// HTML forms send empty fields as `name=`: an empty filter means "no filter", not an error.
const rupiahParam = z
  .string()
  .regex(/^[0-9]{0,12}$/, 'must be a whole number of rupiah')
  .optional()
  .transform((v) => (v ? Number(v) : undefined));

export const ListProductsQuerySchema = z.object({
  q: text(0, 100)
    .optional()
    .meta({ description: 'Words to find in name and description (case and accents ignored)' }),
  category: z
    .enum([...CATEGORIES, ''])
    .optional()
    .transform((v) => v || undefined),
  minPrice: rupiahParam,
  // A range with maxPrice below minPrice is not an error: it matches nothing.
  maxPrice: rupiahParam,
  inStock: z
    .enum(['true', 'false', ''])
    .optional()
    .transform((v) => (v ? v === 'true' : undefined)),
  sort: z.enum(PRODUCT_SORTS).default('newest'),
  limit: z.coerce.number().int('must be a whole number').min(1).max(50).default(20),
  cursor: z
    .string()
    .regex(CURSOR_PATTERN, 'is not a page cursor (`<key>.<id>`, as nextCursor gives it)')
    .optional()
    .meta({
      description:
        "A keyset position, as a page's nextCursor gives it: the next page lists the items after it in this query's order. Any value that fits the pattern is accepted.",
    }),
});

export const StaffListQuerySchema = z.object({
  status: z.enum(PRODUCT_STATUSES).optional(),
});

const PriceSchema = RupiahSchema.min(1, 'must be at least 1 rupiah');
const MaxPerOrderSchema = z.number().int('must be a whole number').min(1).max(999).nullable();
/** Subsidised goods: units per buyer (NIK) per calendar period in WIB; null = no such limit. */
const BuyerLimitBodySchema = z
  .strictObject({
    quantity: z.number().int('must be a whole number').min(1).max(999),
    period: z.enum(BUYER_LIMIT_PERIODS),
  })
  .nullable()
  .meta({
    description:
      'At most `quantity` units per buyer (by NIK, given at checkout) per day, week (from Monday 00:00 WIB) or month; null for none',
  });
const HetSchema = z.boolean().meta({
  description: "The price is the HET, the government's highest retail price for subsidised goods",
});
const ImageUrlSchema = z
  .string()
  .max(500)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#][!#-;=?-~]*)?$/, 'must be an http(s) URL')
  .nullable();
// Stored as sent (the web trims form fields); it must hold a character other than spaces.
const NameSchema = text(2, 120).regex(/[^ \t\r\n]/, 'must not be blank');
const DescriptionSchema = text(0, 2000);

export const CreateProductBodySchema = z.strictObject({
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
  sellerId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id such as "mbr_sri"')
    .optional()
    .meta({
      description:
        "Whose goods these are (a member id). Staff must send it (422 PRODUCT.SELLER_REQUIRED); a penjual's listing always carries their own seller id, whatever is sent",
    }),
  name: NameSchema,
  description: DescriptionSchema.default(''),
  category: CategorySchema,
  unit: UnitSchema,
  price: PriceSchema,
  maxPerOrder: MaxPerOrderSchema.default(null),
  buyerLimit: BuyerLimitBodySchema.default(null),
  het: HetSchema.default(false),
  stock: z.number().int('must be a whole number').min(0).max(1_000_000),
  imageUrl: ImageUrlSchema.default(null),
  status: z.enum(PRODUCT_STATUSES).default('published'),
});

/** Any subset of the editable fields; an empty body changes nothing and answers the product as it is. */
export const UpdateProductBodySchema = z.strictObject({
  name: NameSchema.optional(),
  description: DescriptionSchema.optional(),
  price: PriceSchema.optional(),
  maxPerOrder: MaxPerOrderSchema.optional(),
  buyerLimit: BuyerLimitBodySchema.optional(),
  het: HetSchema.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  imageUrl: ImageUrlSchema.optional(),
});

export const RestockBodySchema = z.strictObject({
  quantity: z.number().int('must be a whole number').min(1).max(1_000_000),
});

export const ProductPhotoSchema = z
  .object({
    photoId: z.string(),
    width: z.number().int(),
    height: z.number().int(),
    variants: z.array(z.object({ width: z.number().int(), url: z.string() })),
  })
  .meta({ id: 'ProductPhoto' });

export const ReviewViewSchema = z
  .object({
    state: z.enum(REVIEW_STATES),
    kind: z.enum(REVIEW_KINDS),
    pendingPrice: RupiahSchema.nullable(),
    reason: z.string().nullable(),
    requestedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ListingReview' });

export const ProductViewSchema = z
  .object({
    id: z.string(),
    cooperativeId: z.string(),
    sellerId: z.string(),
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    category: CategorySchema,
    unit: UnitSchema,
    price: RupiahSchema,
    maxPerOrder: z.number().int().nullable(),
    buyerLimit: z
      .object({ quantity: z.number().int(), period: z.enum(BUYER_LIMIT_PERIODS) })
      .nullable()
      .optional()
      .meta({ description: 'Units per buyer (NIK) per period, enforced at checkout; null for none' }),
    // Always sent; optional in the document so clients built before subsidised goods still fit.
    het: z.boolean().optional().meta({ description: 'The price is the HET (harga eceran tertinggi)' }),
    imageUrl: z.string().nullable(),
    // Always sent; optional in the document so clients built before sellers and photos still fit.
    photos: z
      .array(ProductPhotoSchema)
      .optional()
      .meta({ description: 'Uploaded photos in display order; [] when none (always sent)' }),
    seller: z
      .object({ sellerId: z.string(), shopName: z.string() })
      .nullable()
      .optional()
      .meta({ description: "The seller's shop; null for the cooperative's own goods (always sent)" }),
    status: z.enum(PRODUCT_STATUSES),
    stock: z.object({ available: z.number().int(), reserved: z.number().int() }),
    inStock: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProductView' });
export type ProductView = z.infer<typeof ProductViewSchema>;

/** What staff (and the owner) see besides: who owns the listing, units sold, moderation, the last change. */
export const StaffProductViewSchema = ProductViewSchema.extend({
  ownerPersonId: z.string().nullable(),
  sellerSuspended: z.boolean(),
  listingApproved: z.boolean(),
  review: ReviewViewSchema.nullable().meta({
    description:
      'The latest review of the listing or of a price change: pending, approved or rejected (with the reason)',
  }),
  stock: z.object({ available: z.number().int(), reserved: z.number().int(), sold: z.number().int() }),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'StaffProductView' });
export type StaffProductView = z.infer<typeof StaffProductViewSchema>;

export const ProductPageSchema = z
  .object({
    items: z.array(ProductViewSchema),
    nextCursor: z.string().regex(CURSOR_PATTERN).nullable(),
  })
  .meta({ id: 'ProductPage' });
export const StaffProductListSchema = z.object({ items: z.array(StaffProductViewSchema) });
export const CategoriesSchema = z.object({
  items: z.array(z.object({ category: CategorySchema, count: z.number().int() })),
});

export const StockAdjustmentBodySchema = z.strictObject({
  quantity: z
    .number()
    .int('must be a whole number')
    .min(-1_000_000)
    .max(1_000_000)
    .refine((q) => q !== 0, 'must not be 0')
    .meta({
      description: 'Units in (> 0) or out (< 0); received > 0, damaged < 0, correction either',
      // The refinement above, said in the document too (clients and schemathesis read it).
      not: { const: 0 },
    }),
  reason: z.enum(ADJUSTMENT_REASONS),
  note: text(0, 200).default(''),
});

const PhotoIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a photo id as the upload gave it');
export const SetPhotosBodySchema = z.strictObject({
  photoIds: z
    .array(PhotoIdSchema)
    .max(8, 'at most 8 photos')
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a photo twice')
    .meta({
      uniqueItems: true,
      description:
        'Photos in display order, at most 8, each uploaded by you to this cooperative; [] removes all',
    }),
});

export const RejectBodySchema = z.strictObject({
  reason: text(3, 500).regex(/[^ \t\r\n]/, 'must not be blank'),
});

export const ListingSettingsBodySchema = z.strictObject({
  priceReviewThresholdPercent: z.number().int('must be a whole number').min(0).max(1000),
});
export const ListingSettingsViewSchema = z.object({
  cooperativeId: z.string(),
  priceReviewThresholdPercent: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
});

const FieldDiffSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const ReviewQueueSchema = z.object({
  items: z.array(
    z.object({
      product: StaffProductViewSchema,
      kind: z.enum(REVIEW_KINDS),
      requestedAt: z.iso.datetime(),
      diff: z.array(FieldDiffSchema),
    }),
  ),
});

export const HistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.iso.datetime(),
      by: z.object({ personId: z.string(), roles: z.array(z.string()) }).nullable(),
      kind: z.enum(HISTORY_KINDS),
      changes: z.array(FieldDiffSchema),
      reason: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
});

export const SellerParamsSchema = z.object({
  cooperativeId: CooperativeIdSchema,
  sellerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id such as "mbr_sri"'),
});

export const SellerPageSchema = z
  .object({
    sellerId: z.string(),
    cooperativeId: z.string(),
    shopName: z.string(),
    description: z.string(),
    handoff: SellerHandoffSchema,
    products: z.array(ProductViewSchema),
  })
  .meta({ id: 'SellerPage' });
