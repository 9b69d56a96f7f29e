import { z } from 'zod';
import { optionalText } from './form';

/**
 * The step forms of /kelola/:slug/pesanan/:orderId, one schema shared by the page and its action.
 * Field names = input names; messages are catalogue keys.
 */
const Intent = z.enum(['pack', 'ready', 'out-for-delivery', 'complete', 'cancel'], {
  error: 'errors.invalidForm',
});
export type StepIntent = z.infer<typeof Intent>;
export const StepIntentSchema = z.object({ intent: Intent });

/** Pickup codes are 6 characters (orders' alphabet has no 0/O/1/I/L); typed loosely, compared upper case. */
const PickupCode = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/\s+/g, '').toUpperCase() : v),
  z.string().regex(/^[0-9A-Z]{6}$/, 'errors.pickupCode'),
);

/** Rupiah as typed at the till: "50000", "50.000" or "Rp 50.000" → 50000. */
const Rupiah = z.preprocess(
  (v) => (typeof v === 'string' ? v.replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '') : v),
  z
    .string()
    .regex(/^\d{1,10}$/, 'errors.cashWhole')
    .transform(Number),
);

export interface CompleteFacts {
  total: number;
  cash: boolean;
  pickup: boolean;
}

/** "Selesaikan": the pickup code (required for pickup), the cash taken (cash orders: required, ≥ total). */
export function completeSchema(facts: CompleteFacts) {
  return z
    .object({
      intent: z.literal('complete'),
      pickupCode: z.preprocess((v) => (v === '' ? undefined : v), PickupCode.optional()),
      cashReceived: z.preprocess((v) => (v === '' ? undefined : v), Rupiah.optional()),
      note: optionalText(500),
    })
    .superRefine((form, ctx) => {
      if (facts.pickup && !form.pickupCode)
        ctx.addIssue({ code: 'custom', path: ['pickupCode'], message: 'errors.pickupCodeRequired' });
      if (facts.cash && form.cashReceived === undefined)
        ctx.addIssue({ code: 'custom', path: ['cashReceived'], message: 'errors.cashRequired' });
      else if (facts.cash && (form.cashReceived ?? 0) < facts.total)
        ctx.addIssue({ code: 'custom', path: ['cashReceived'], message: 'errors.cashTooLittle' });
    });
}
export type CompleteInput = z.infer<ReturnType<typeof completeSchema>>;

export const CancelStepSchema = z.object({
  intent: z.literal('cancel'),
  reason: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .min(3, 'errors.cancelReasonShort')
    // orders' own limit on the reason (POST …/cancel: maxLength 200).
    .max(200, 'errors.tooLong'),
});
