import { z } from 'zod';

// People's mobile numbers follow the one rule in @pasar/contracts (MobilePhoneSchema).

/** The outlet's public phone: a mobile or a landline with area code (0341-…). */
export const PublicPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d[\d\s-]{6,19}$/, 'must be a phone number such as 0341-551234 or +6281234500001');
