import { PaymentMethodSchema } from '@pasar/contracts';
import { z } from 'zod';
import { NIK_PATTERN, normaliseNik } from '~/utils/buyer-limit';
import { optionalText } from './form';
import { PhoneFieldSchema } from './phone';

/**
 * Checkout form. Flat field names (street, kelurahan, …) so the form works without JavaScript;
 * the address is required only for delivery.
 */
export const CheckoutSchema = z
  .object({
    idempotencyKey: z
      .string({ error: 'errors.invalidForm' })
      .min(8, 'errors.invalidForm')
      .max(128, 'errors.invalidForm'),
    name: z
      .string({ error: 'errors.required' })
      .trim()
      .min(2, 'errors.nameLength')
      .max(80, 'errors.nameLength'),
    phone: PhoneFieldSchema,
    fulfilment: z.enum(['pickup', 'delivery'], { error: 'errors.required' }),
    street: optionalText(200),
    rtRw: optionalText(20),
    kelurahan: optionalText(80),
    kecamatan: optionalText(80),
    city: optionalText(80),
    postalCode: optionalText(5, 'errors.postalCode').pipe(
      z
        .string()
        .regex(/^\d{5}$/, 'errors.postalCode')
        .optional(),
    ),
    addressNotes: optionalText(200),
    // Which of these the cooperative offers is the orders service's word (a 400 naming the field).
    paymentMethod: z.enum(PaymentMethodSchema.options, { error: 'errors.required' }),
    note: optionalText(500),
    /** For order updates by email (notifications); optional. */
    email: optionalText(254, 'errors.email').pipe(z.email('errors.email').optional()),
    /**
     * The buyer's NIK, only when the cart holds a product with a per-buyer limit (the action checks that
     * it is there then); orders keeps only its hash.
     */
    buyerNik: z.preprocess(
      (v) => (typeof v === 'string' ? normaliseNik(v) || undefined : v),
      z.string().regex(NIK_PATTERN, 'errors.nik').optional(),
    ),
  })
  .superRefine((form, ctx) => {
    if (form.fulfilment !== 'delivery') return;
    for (const field of ['street', 'kelurahan', 'kecamatan', 'city'] as const) {
      if (!form[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'errors.required' });
    }
  });
export type Checkout = z.infer<typeof CheckoutSchema>;

/** Field names of the checkout form, for the inputs and their error messages. */
export type CheckoutField = keyof Checkout;
