import { normaliseIndonesianPhone } from '@pasar/contracts';
import { z } from 'zod';

/**
 * A phone field of a form: the one rule of `@pasar/contracts` (the services use the same), so the form never
 * accepts what a service refuses. Empty → "required"; anything else not an Indonesian mobile → "errors.phone".
 * Outputs the stored form +628….
 */
export const PhoneFieldSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, 'errors.required')
  .max(32, 'errors.phone')
  .transform((raw, ctx) => {
    const phone = normaliseIndonesianPhone(raw);
    if (phone) return phone;
    ctx.addIssue({ code: 'custom', message: 'errors.phone' });
    return z.NEVER;
  });
