import {
  CATEGORIES,
  CategorySchema,
  CooperativeIdSchema,
  ObjectIdSchema,
  RupiahSchema,
  UnitSchema,
} from '@pasar/contracts';
import { z } from 'zod';
import { PRODUCT_SORTS } from '../domain/listing';
import { PRODUCT_STATUSES } from '../domain/product';

/** The schemas the routes validate with; /openapi.json is generated from these same objects. */

export const CooperativeParamsSchema = z.object({ cooperativeId: CooperativeIdSchema });
export const ProductParamsSchema = z.object({ productId: ObjectIdSchema });

// HTML forms send empty fields as `name=`: an empty filter means "no filter", not an error.
const rupiahParam = z
  .string()
  .regex(/^\d{0,12}$/, 'must be a whole number of rupiah')
  .optional()
  .transform((v) => (v ? Number(v) : undefined));

export const ListProductsQuerySchema = z
  .object({
    q: z.string().max(100, 'must be at most 100 characters').optional(),
    category: z
      .enum([...CATEGORIES, ''])
      .optional()
      .transform((v) => v || undefined),
    minPrice: rupiahParam,
    maxPrice: rupiahParam,
    inStock: z
      .enum(['true', 'false', ''])
      .optional()
      .transform((v) => (v ? v === 'true' : undefined)),
    sort: z.enum(PRODUCT_SORTS).default('newest'),
    limit: z.coerce.number().int('must be a whole number').min(1).max(50).default(20),
    cursor: z.string().max(600).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice) {
      ctx.addIssue({ code: 'custom', path: ['maxPrice'], message: 'must not be below minPrice' });
    }
  });

const PriceSchema = RupiahSchema.min(1, 'must be at least 1 rupiah');
const MaxPerOrderSchema = z.number().int('must be a whole number').positive().max(999).nullable();
const ImageUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(500)
  .nullable();
const NameSchema = z.string().trim().min(2).max(120);
const DescriptionSchema = z.string().trim().max(2000);

export const CreateProductBodySchema = z.strictObject({
  sku: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-"'),
  sellerId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a member id such as "mbr_sri"'),
  name: NameSchema,
  description: DescriptionSchema.default(''),
  category: CategorySchema,
  unit: UnitSchema,
  price: PriceSchema,
  maxPerOrder: MaxPerOrderSchema.default(null),
  stock: z.number().int('must be a whole number').nonnegative().max(1_000_000),
  imageUrl: ImageUrlSchema.default(null),
  status: z.enum(PRODUCT_STATUSES).default('published'),
});

export const UpdateProductBodySchema = z
  .strictObject({
    name: NameSchema.optional(),
    description: DescriptionSchema.optional(),
    price: PriceSchema.optional(),
    maxPerOrder: MaxPerOrderSchema.optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
    imageUrl: ImageUrlSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'must change at least one field',
  });

export const RestockBodySchema = z.strictObject({
  quantity: z.number().int('must be a whole number').positive().max(1_000_000),
});

export const ProductViewSchema = z.object({
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
  imageUrl: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  stock: z.object({ available: z.number().int(), reserved: z.number().int() }),
  inStock: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type ProductView = z.infer<typeof ProductViewSchema>;

export const ProductPageSchema = z.object({
  items: z.array(ProductViewSchema),
  nextCursor: z.string().nullable(),
});
export const CategoriesSchema = z.object({
  items: z.array(z.object({ category: CategorySchema, count: z.number().int() })),
});
