import { CATEGORIES, UNITS } from '@pasar/contracts';
import { z } from 'zod';
import { HANDOFFS, PAYOUT_METHODS, STOCK_REASONS } from '~/utils/sellers';
import { optionalText, requiredText } from './form';

/**
 * The forms of the seller pages (/jual/:slug) and the staff's seller, moderation and consignment
 * pages. Field names = input names; messages are catalogue keys; one schema per form, shared by the
 * page and its action.
 */

/** Rupiah as typed: "15000", "15.000" or "Rp 15.000" → 15000 (whole rupiah only). */
export const RupiahField = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '') : v),
  z
    .string({ error: 'errors.required' })
    .min(1, 'errors.required')
    .regex(/^\d{1,10}$/, 'errors.price')
    .transform(Number),
);
const PositiveRupiah = RupiahField.refine((n) => n >= 1, 'errors.price');

const Reason = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .min(3, 'errors.reasonShort')
  .max(500, 'errors.tooLong');

const WholeNumber = (max: number) =>
  z.coerce
    .number({ error: 'errors.quantityWhole' })
    .int('errors.quantityWhole')
    .min(0)
    .max(max, 'errors.tooLarge');

/** "Daftar jadi penjual": the shop's name, what they sell, how the goods reach the outlet. */
export const ApplicationSchema = z.object({
  shopName: requiredText(80).pipe(z.string().min(2, 'errors.shopNameLength')),
  description: optionalText(500).transform((v) => v ?? ''),
  handoff: z.enum(HANDOFFS, { error: 'errors.handoff' }),
});

const ListingFields = {
  name: z
    .string({ error: 'errors.required' })
    .trim()
    .min(2, 'errors.productNameLength')
    .max(120, 'errors.productNameLength'),
  description: optionalText(2000).transform((v) => v ?? ''),
  price: PositiveRupiah,
  /** Empty: no limit per order. */
  maxPerOrder: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.coerce
      .number({ error: 'errors.quantityWhole' })
      .int('errors.quantityWhole')
      .min(1, 'errors.quantityMin')
      .max(999, 'errors.quantityMax')
      .nullable(),
  ),
};

/** A new listing: also its category, unit and the units brought to the outlet. */
export const NewListingSchema = z.object({
  ...ListingFields,
  category: z.enum(CATEGORIES, { error: 'errors.category' }),
  unit: z.enum(UNITS, { error: 'errors.unit' }),
  stock: WholeNumber(1_000_000),
});
export type NewListingInput = z.infer<typeof NewListingSchema>;

export const EditListingSchema = z.object({ intent: z.literal('edit'), ...ListingFields });

/** A stock change: how many (signed: `direction` says in or out) and why. */
export const StockChangeSchema = z
  .object({
    intent: z.literal('stock'),
    direction: z.enum(['in', 'out'], { error: 'errors.invalidForm' }),
    quantity: z.coerce
      .number({ error: 'errors.quantityWhole' })
      .int('errors.quantityWhole')
      .min(1, 'errors.quantityMin')
      .max(1_000_000, 'errors.tooLarge'),
    reason: z.enum(STOCK_REASONS, { error: 'errors.stockReason' }),
    note: optionalText(200).transform((v) => v ?? ''),
  })
  .superRefine((form, ctx) => {
    // Goods received only come in; damaged goods only go out; a correction goes either way.
    if (form.reason === 'received' && form.direction === 'out')
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'errors.receivedIsIn' });
    if (form.reason === 'damaged' && form.direction === 'in')
      ctx.addIssue({ code: 'custom', path: ['direction'], message: 'errors.damagedIsOut' });
  });

export const ArchiveSchema = z.object({ intent: z.literal('archive') });
export const RemovePhotoSchema = z.object({
  intent: z.literal('remove-photo'),
  photoId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'errors.invalidForm'),
});

/** The photo limit the web checks before sending (catalog refuses more than 10 MB itself). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS = 6;

/** The statement's month (`<input type="month">`): YYYY-MM. */
export const MonthSchema = z
  .string({ error: 'errors.month' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'errors.month');

// ---- staff ----
const Id = z.string({ error: 'errors.invalidForm' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'errors.invalidForm');

export const ApplicationDecisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('approve'), applicationId: Id }),
    z.object({ intent: z.literal('decline'), applicationId: Id, reason: Reason }),
    z.object({ intent: z.literal('suspend'), sellerId: Id, reason: Reason }),
    z.object({ intent: z.literal('reinstate'), sellerId: Id }),
  ],
  { error: 'errors.invalidForm' },
);

export const ReviewDecisionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({
      intent: z.literal('approve'),
      productId: z.string().regex(/^[0-9a-f]{24}$/, 'errors.invalidForm'),
    }),
    z.object({
      intent: z.literal('reject'),
      productId: z.string().regex(/^[0-9a-f]{24}$/, 'errors.invalidForm'),
      reason: Reason,
    }),
    z.object({
      intent: z.literal('threshold'),
      priceReviewThresholdPercent: z.coerce
        .number({ error: 'errors.percent' })
        .int('errors.percent')
        .min(0, 'errors.percent')
        .max(1000, 'errors.percent'),
    }),
  ],
  { error: 'errors.invalidForm' },
);

/** Percent as typed ("10", "7,5", "7.5") → basis points (750); at most two decimals. */
export const PercentAsBps = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().replace(',', '.').replace(/\s*%$/, '') : v),
  z
    .string({ error: 'errors.percent' })
    .regex(/^\d{1,3}(\.\d{1,2})?$/, 'errors.percent')
    .transform((s) => Math.round(Number(s) * 100))
    .refine((bps) => bps <= 10_000, 'errors.percent'),
);

export const PayoutSchema = z.object({
  intent: z.literal('payout'),
  sellerId: Id,
  amount: PositiveRupiah,
  method: z.enum(PAYOUT_METHODS, { error: 'errors.payoutMethod' }),
  note: optionalText(300).transform((v) => v ?? ''),
  receiptNumber: requiredText(60),
});

export const CommissionSchema = z.object({
  intent: z.literal('commission'),
  commission: PercentAsBps,
});

/** The payments service's limit on a sales range (Jakarta days). */
export const MAX_SALES_DAYS = 92;
const Day = z
  .string({ error: 'errors.date' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.date')
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, 'errors.date');

/** The sales page's range (GET): `from`..`to`, both Jakarta dates, at most 92 days. */
export const SalesQuerySchema = z.object({ from: Day, to: Day }).superRefine((q, ctx) => {
  if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.dateOrder' });
  else if ((Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 > MAX_SALES_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.salesRange' });
});
