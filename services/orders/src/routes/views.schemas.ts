import { z } from '@hono/zod-openapi';
import {
  CooperativeIdSchema,
  OrderIdSchema,
  OrderStatusSchema,
  PaymentMethodSchema,
  RupiahSchema,
  StockRejectionReasonSchema,
  UnitSchema,
} from '@pasar/contracts';
import type { CartView, OrderView, StaffOrderView } from '../domain/views';

/** The answers' schemas (the OpenAPI document); the compile-time checks below keep them equal to the views. */
const Timestamp = z.iso.datetime();
export const StaffRoleSchema = z.enum(['pengurus', 'kasir', 'gudang']);
export const HandoverSchema = z.enum(['pickup_code', 'courier_code', 'courier_note']);

const LineViewSchema = z.object({
  productId: z.string(),
  name: z.string(),
  unit: UnitSchema,
  unitPrice: RupiahSchema,
  quantity: z.number().int(),
  lineTotal: RupiahSchema,
  maxPerOrder: z.number().int().nullable(),
  // Always sent; optional in the document so clients built before subsidised goods still fit.
  het: z
    .boolean()
    .optional()
    .openapi({ description: "The unit price is the HET, the government's ceiling price" }),
});

export const CartViewSchema = z
  .object({
    id: z.string(),
    cooperativeId: CooperativeIdSchema,
    lines: z.array(LineViewSchema),
    subtotal: RupiahSchema,
    itemCount: z.number().int(),
    updatedAt: Timestamp,
  })
  .openapi('CartView');

const AddressViewSchema = z.object({
  street: z.string(),
  rt_rw: z.string().optional(),
  kelurahan: z.string(),
  kecamatan: z.string(),
  city: z.string(),
  postalCode: z.string().optional(),
  notes: z.string().optional(),
});

const orderViewShape = {
  id: OrderIdSchema,
  notaNumber: z
    .string()
    .nullable()
    .openapi({ description: 'The human order number (KRB-2026-000123); null for orders placed before it' }),
  cooperativeId: CooperativeIdSchema,
  status: OrderStatusSchema,
  lines: z.array(LineViewSchema),
  subtotal: RupiahSchema,
  deliveryFee: RupiahSchema,
  total: RupiahSchema,
  fulfilment: z.discriminatedUnion('method', [
    z.object({ method: z.literal('pickup') }),
    z.object({ method: z.literal('delivery'), address: AddressViewSchema }),
  ]),
  contact: z.object({ name: z.string(), phone: z.string() }),
  paymentMethod: PaymentMethodSchema,
  pickupCode: z.string().nullable(),
  expiresAt: Timestamp,
  createdAt: Timestamp,
  rejection: z
    .object({
      reason: StockRejectionReasonSchema,
      productId: z.string(),
      productName: z.string().optional(),
      requested: z.number().int(),
      available: z.number().int(),
    })
    .nullable(),
  cancelReason: z
    .enum(['shopper', 'staff', 'payment_failed'])
    .nullable()
    .openapi({ description: 'Why a CANCELLED order was cancelled; null otherwise' }),
  payment: z
    .object({
      provider: z.enum(['cash', 'midtrans', 'stripe']),
      redirectUrl: z
        .string()
        .nullable()
        .openapi({ description: 'The hosted payment page while the order awaits payment; null otherwise' }),
      deadline: Timestamp.openapi({ description: 'Pay before this (= expiresAt)' }),
    })
    .nullable()
    .openapi({ description: 'The payment attempt, once payments has opened it' }),
  refund: z
    .object({
      status: z.enum(['pending', 'refunded']),
      amount: RupiahSchema,
      via: z.enum(['provider', 'manual']).nullable(),
      reason: z.enum(['order_cancelled', 'paid_after_expiry', 'paid_after_cancel']),
      at: Timestamp,
    })
    .nullable()
    .openapi({ description: 'Money going back to the shopper, if any' }),
  timeline: z.array(
    z.object({
      status: OrderStatusSchema,
      at: Timestamp,
      note: z.string().optional(),
      by: StaffRoleSchema.optional().openapi({
        description: 'The role of the staff member who took the step',
      }),
    }),
  ),
  canCancel: z.boolean().openapi({ description: 'The shopper may still cancel (until packing starts)' }),
  handover: HandoverSchema.nullable().openapi({ description: 'How a COMPLETED order was handed over' }),
  cashReceived: RupiahSchema.nullable().openapi({ description: 'Cash orders: what was taken at handover' }),
  change: RupiahSchema.nullable().openapi({ description: 'Cash orders: the change given back' }),
};

export const OrderViewSchema = z.object(orderViewShape).openapi('OrderView');

export const StaffOrderViewSchema = z
  .object({
    ...orderViewShape,
    note: z.string().nullable(),
    updatedAt: Timestamp,
    paymentId: z.string().nullable().openapi({ description: "payments' id of the latest payment attempt" }),
    whatsappUrl: z
      .string()
      .nullable()
      .openapi({ description: 'wa.me link with a prepared message to the shopper, or null' }),
  })
  .openapi('StaffOrderView');

export const PlacedOrderSchema = z
  .object({
    order: OrderViewSchema,
    accessToken: z.string().openapi({ description: "The order's secret link token (shown once)" }),
  })
  .openapi('PlacedOrder');

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page' }),
  });
export const OrderPageSchema = page(OrderViewSchema).openapi('OrderPage');
export const StaffOrderPageSchema = page(StaffOrderViewSchema).openapi('StaffOrderPage');

// The views are written once (domain/views.ts); these fail to compile when a schema drifts from them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<z.output<typeof CartViewSchema>, CartView>>();
agree<Same<z.output<typeof OrderViewSchema>, OrderView>>();
agree<Same<z.output<typeof StaffOrderViewSchema>, StaffOrderView>>();

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
