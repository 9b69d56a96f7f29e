import {
  BoardPositionSchema,
  CooperativeGrantSchema,
  CooperativeRoleSchema,
  CooperativeSnapshotSchema,
  PlatformRoleSchema,
} from '@pasar/contracts';
import { z } from 'zod';
import { ORDER_STATUSES } from './order-status';

/**
 * The answers of the services as agreed in the HTTP API contract, parsed at the edge.
 * Client code imports only the types from here (never the schemas), so none of this reaches the browser bundle.
 * Unit and category stay plain strings: a value we have no label for is shown as is, not a crash.
 */
export const ProductViewSchema = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  sellerId: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  unit: z.string(),
  price: z.number().int(),
  maxPerOrder: z.number().int().nullable(),
  imageUrl: z.string().nullable(),
  status: z.enum(['draft', 'published', 'archived']),
  stock: z.object({ available: z.number().int(), reserved: z.number().int() }),
  inStock: z.boolean(),
  createdAt: z.string(),
});
export type ProductView = z.infer<typeof ProductViewSchema>;

export const ProductPageSchema = z.object({
  items: z.array(ProductViewSchema),
  nextCursor: z.string().nullable(),
});
export type ProductPage = z.infer<typeof ProductPageSchema>;

export const CategoryCountsSchema = z.object({
  items: z.array(z.object({ category: z.string(), count: z.number().int() })),
});
export type CategoryCount = z.infer<typeof CategoryCountsSchema>['items'][number];

export const CooperativeViewSchema = CooperativeSnapshotSchema.extend({
  slug: z.string(),
  description: z.string(),
  openingHours: z.string(),
  phone: z.string(),
});
export type CooperativeView = z.infer<typeof CooperativeViewSchema>;
export const CooperativeListSchema = z.object({ items: z.array(CooperativeViewSchema) });

const LineSchema = z.object({
  productId: z.string(),
  name: z.string(),
  unit: z.string(),
  unitPrice: z.number().int(),
  quantity: z.number().int(),
  lineTotal: z.number().int(),
  maxPerOrder: z.number().int().nullable(),
});
export type CartLine = z.infer<typeof LineSchema>;

export const CartViewSchema = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  lines: z.array(LineSchema),
  subtotal: z.number().int(),
  itemCount: z.number().int(),
  updatedAt: z.string(),
});
export type CartView = z.infer<typeof CartViewSchema>;

export const AddressSchema = z.object({
  street: z.string(),
  rt_rw: z.string().nullish(),
  kelurahan: z.string(),
  kecamatan: z.string(),
  city: z.string(),
  postalCode: z.string().nullish(),
  notes: z.string().nullish(),
});

export const OrderViewSchema = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  status: z.enum(ORDER_STATUSES),
  lines: z.array(LineSchema),
  subtotal: z.number().int(),
  deliveryFee: z.number().int(),
  total: z.number().int(),
  fulfilment: z.discriminatedUnion('method', [
    z.object({ method: z.literal('pickup') }),
    z.object({ method: z.literal('delivery'), address: AddressSchema }),
  ]),
  contact: z.object({ name: z.string(), phone: z.string() }),
  paymentMethod: z.string(),
  pickupCode: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  rejection: z
    .object({
      reason: z.enum(['INSUFFICIENT_STOCK', 'PRODUCT_UNAVAILABLE', 'LIMIT_EXCEEDED']),
      productId: z.string(),
      productName: z.string().nullish(),
      requested: z.number().int(),
      available: z.number().int(),
    })
    .nullable(),
  timeline: z.array(z.object({ status: z.string(), at: z.string(), note: z.string().nullish() })),
  canCancel: z.boolean(),
});
export type OrderView = z.infer<typeof OrderViewSchema>;

export const PlacedOrderSchema = z.object({ order: OrderViewSchema, accessToken: z.string().min(1) });

/** Orders of a signed-in shopper (GET /me/orders) or of a cooperative for its staff, newest first. */
export const OrderPageSchema = z.object({
  items: z.array(OrderViewSchema),
  nextCursor: z.string().nullable(),
});
export type OrderPage = z.infer<typeof OrderPageSchema>;

// ---- membership: people, sessions, roles (contract of issue 6) ----

export const PersonViewSchema = z.object({
  personId: z.string().min(1),
  name: z.string(),
  phone: z.string(),
  email: z.string().nullish(),
  grants: z.array(CooperativeGrantSchema),
  platform: z.array(PlatformRoleSchema).default([]),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

export const SignedInSchema = z.object({
  session: z.object({ id: z.string().min(16), expiresAt: z.string(), idleTimeoutSeconds: z.number() }),
  person: PersonViewSchema,
});
export type SignedIn = z.infer<typeof SignedInSchema>;

export const AccessTokensSchema = z.object({
  tokens: z.object({
    catalog: z.string().min(1),
    orders: z.string().min(1),
    payments: z.string().min(1),
    membership: z.string().min(1),
  }),
  expiresIn: z.number().int().positive(),
  person: PersonViewSchema,
});
export type AccessTokens = z.infer<typeof AccessTokensSchema>;

export const PersonInCooperativeSchema = z.object({
  personId: z.string().min(1),
  name: z.string(),
  phoneMasked: z.string(),
  roles: z.array(CooperativeRoleSchema),
  position: BoardPositionSchema.nullish(),
});
export type PersonInCooperative = z.infer<typeof PersonInCooperativeSchema>;
export const PeoplePageSchema = z.object({
  items: z.array(PersonInCooperativeSchema),
  nextCursor: z.string().nullable(),
});

export const ResetCodeSchema = z.object({ resetCode: z.string().min(1), resetCodeExpiresAt: z.string() });
export const InvitedSchema = ResetCodeSchema.extend({ person: z.unknown() });

/** One line of the audit trail: who (person id and, when membership knows it, the name), what, when, before/after. */
export const AuditEntrySchema = z.object({
  id: z.string().optional(),
  cooperativeId: z.string(),
  actorId: z.string(),
  actorName: z.string().nullish(),
  actorRoles: z.array(z.string()).default([]),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  before: z.record(z.string(), z.unknown()).nullish(),
  after: z.record(z.string(), z.unknown()).nullish(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
