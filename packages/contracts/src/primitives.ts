import { z } from 'zod';

/** Rupiah are whole integers everywhere: never floating point. */
export const RupiahSchema = z.number().int('must be whole rupiah').nonnegative().max(1_000_000_000_000);
export type Rupiah = z.infer<typeof RupiahSchema>;

export const CooperativeIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be a lowercase code such as "karangbesuki"');
export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hex id');
export const OrderIdSchema = z
  .string()
  .regex(/^ord_[0-9A-Za-z]{10,32}$/, 'must be an order id such as "ord_…"');

export const UNITS = ['pcs', 'kg', 'liter', 'tabung', 'sak', 'pack'] as const;
export const UnitSchema = z.enum(UNITS);
export type Unit = z.infer<typeof UnitSchema>;

export const CATEGORIES = [
  'sembako',
  'lpg',
  'air-isi-ulang',
  'pupuk',
  'makanan-ringan',
  'minuman',
  'kebutuhan-rumah',
] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const PaymentMethodSchema = z.enum(['cash', 'qris', 'gopay', 'shopeepay', 'bank_transfer', 'card']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const FulfilmentMethodSchema = z.enum(['pickup', 'delivery']);
export type FulfilmentMethod = z.infer<typeof FulfilmentMethodSchema>;

/** Every state an order can be in (orders owns the machine; the storefront shows them). */
export const ORDER_STATUSES = [
  'PLACED',
  'AWAITING_PAYMENT',
  'CONFIRMED',
  'PAID',
  'PACKED',
  'READY_FOR_PICKUP',
  'OUT_FOR_DELIVERY',
  'COMPLETED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
