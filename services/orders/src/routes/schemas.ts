import { CooperativeIdSchema, ObjectIdSchema, OrderIdSchema, PaymentMethodSchema } from '@pasar/contracts';
import { z } from 'zod';
import { MAX_QUANTITY } from '../domain/cart';
import { normaliseIndonesianPhone } from '../domain/phone';
import { CART_ID_PATTERN } from '../lib/ids';

/**
 * Request bodies refuse fields they do not know, each named: a client that sends `price`,
 * `unitPrice` or `total` gets 400 naming it, because prices only ever come from the catalog.
 */
function strictBody<S extends z.ZodRawShape>(shape: S) {
  const known = new Set(Object.keys(shape));
  return z.looseObject(shape).superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: 'is not accepted here (prices and totals come from the catalog)',
      });
    }
  });
}

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const CartIdSchema = z.string().regex(CART_ID_PATTERN, 'must be a cart id such as "crt_…"');
export const QuantitySchema = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_QUANTITY, `must be at most ${MAX_QUANTITY}`);

export const CartParams = z.object({ cartId: CartIdSchema });
export const CartLineParams = z.object({ cartId: CartIdSchema, productId: ObjectIdSchema });
export const OrderParams = z.object({ orderId: OrderIdSchema });

export const CreateCartBody = strictBody({ cooperativeId: CooperativeIdSchema });
export const AddLineBody = strictBody({ productId: ObjectIdSchema, quantity: QuantitySchema });
export const SetLineBody = strictBody({ quantity: QuantitySchema });

export const PhoneSchema = z
  .string()
  .max(32)
  .transform((raw, ctx) => {
    const phone = normaliseIndonesianPhone(raw);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'must be an Indonesian mobile number such as 0812 3456 7890' });
      return z.NEVER;
    }
    return phone;
  });

export const AddressSchema = strictBody({
  street: text(3, 200),
  rt_rw: z
    .string()
    .trim()
    .regex(/^\d{1,3}\s*\/\s*\d{1,3}$/, 'must look like 003/005')
    .optional(),
  kelurahan: text(2, 100),
  kecamatan: text(2, 100),
  city: text(2, 100),
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'must be 5 digits')
    .optional(),
  notes: text(1, 300).optional(),
});

export const FulfilmentSchema = z.discriminatedUnion('method', [
  strictBody({ method: z.literal('pickup') }),
  strictBody({ method: z.literal('delivery'), address: AddressSchema }),
]);

export const PlaceOrderBody = strictBody({
  cartId: CartIdSchema,
  fulfilment: FulfilmentSchema,
  contact: strictBody({ name: text(2, 80), phone: PhoneSchema }),
  paymentMethod: PaymentMethodSchema,
  note: text(0, 500).optional(),
});

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'is required: one random key per checkout, reused when retrying it' })
    .min(8, 'must be 8 to 128 characters')
    .max(128, 'must be 8 to 128 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
});

export const CancelBody = strictBody({ reason: text(1, 200).optional() });
