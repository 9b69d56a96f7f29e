import { CooperativeIdSchema, CooperativeSnapshotSchema, PaymentMethodSchema } from '@pasar/contracts';
import { z } from 'zod';
import { PublicPhoneSchema } from '../domain/phone';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The methods a cooperative offers shoppers: at least one, each known. A method named twice counts
 * once (the document allows repeats, so refusing them would turn away a valid request).
 */
export const PaymentMethodsSetting = z
  .array(PaymentMethodSchema)
  .min(1, 'choose at least one payment method')
  .transform((methods) => [...new Set(methods)]);

/** The contract's snapshot fields plus what the storefront displays. Unknown fields are refused. */
const CooperativeFields = {
  ...CooperativeSnapshotSchema.shape,
  name: text(120),
  marketName: text(80),
  ward: text(80),
  city: text(80),
  outletAddress: text(300),
  description: z.string().trim().max(2000),
  openingHours: text(200),
  phone: PublicPhoneSchema,
  // Absent: every method the platform takes (orders intersects it with PAYMENT_METHODS).
  paymentMethods: PaymentMethodsSetting.optional(),
};

export const RegisterCooperativeBody = z.strictObject({
  ...CooperativeFields,
  description: CooperativeFields.description.default(''),
});

const { cooperativeId: _id, ...changeable } = CooperativeFields;
export const UpdateCooperativeBody = z
  .strictObject(changeable)
  .partial()
  .refine((o) => Object.values(o).some((v) => v !== undefined), 'send at least one field to change');

export const CooperativeParam = z.object({ cooperativeId: CooperativeIdSchema });

/** The ketua's (or dinas') payment-methods setting, on its own route. */
export const SetPaymentMethodsBody = z.strictObject({ paymentMethods: PaymentMethodsSetting });
