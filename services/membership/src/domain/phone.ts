import { z } from 'zod';

/**
 * Indonesian mobile numbers as people write them (08…, +628…, 628…; spaces and dashes allowed),
 * normalised to +628…. 10 to 15 digits in the local 0-prefixed form.
 */
export const MobilePhoneSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^(\+62|62|0)8\d{7,12}$/, 'must be an Indonesian mobile number such as 0812xxxxxxx'))
  .transform((s) => `+62${s.replace(/^(\+62|62|0)/, '')}`);

/** The outlet's public phone: a mobile or a landline with area code (0341-…). */
export const PublicPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d[\d\s-]{6,19}$/, 'must be a phone number such as 0341-551234 or +6281234500001');
