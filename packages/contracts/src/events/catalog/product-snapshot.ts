import { z } from 'zod';
import { CategorySchema, CooperativeIdSchema, RupiahSchema, UnitSchema } from '../../primitives';

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
  version: z.number().int().nonnegative(),
});
export type ProductSnapshot = z.infer<typeof ProductSnapshotSchema>;
