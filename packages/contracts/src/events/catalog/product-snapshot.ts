import { z } from 'zod';
import { CategorySchema, CooperativeIdSchema, RupiahSchema, UnitSchema } from '../../primitives';

export const BUYER_LIMIT_PERIODS = ['day', 'week', 'month'] as const;
export type BuyerLimitPeriod = (typeof BUYER_LIMIT_PERIODS)[number];

/**
 * Subsidised goods (LPG 3 kg, pupuk bersubsidi): at most `quantity` units per buyer (by NIK) per
 * calendar period in Asia/Jakarta (day; week from Monday 00:00; month), on top of `maxPerOrder`.
 */
export const BuyerLimitSchema = z.object({
  quantity: z.number().int().min(1).max(999),
  period: z.enum(BUYER_LIMIT_PERIODS),
});
export type BuyerLimit = z.infer<typeof BuyerLimitSchema>;

/** Product events carry the whole public state, so a read model upserts from any one of them. */
export const ProductSnapshotSchema = z.object({
  productId: z.string().min(1),
  cooperativeId: CooperativeIdSchema,
  sellerId: z.string().min(1),
  name: z.string().min(1).max(120),
  category: CategorySchema,
  unit: UnitSchema,
  price: RupiahSchema,
  maxPerOrder: z.number().int().positive().nullable(),
  status: z.enum(['draft', 'published', 'archived']),
  imageUrl: z.string().nullable(),
  // Optional so that events written before subsidised goods existed still parse (read as none/false).
  buyerLimit: BuyerLimitSchema.nullable().optional(),
  /** The price is the HET (harga eceran tertinggi), the government's ceiling price: shown as such. */
  het: z.boolean().optional(),
  version: z.number().int().nonnegative(),
});
export type ProductSnapshot = z.infer<typeof ProductSnapshotSchema>;
