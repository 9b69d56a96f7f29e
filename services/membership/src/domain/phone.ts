import { z } from 'zod';

/** The contracts rule (one rule for every service and the web); re-exported for the schemas here. */
export {
  MOBILE_PHONE_MAX_LENGTH,
  MOBILE_PHONE_PATTERN,
  MobilePhoneSchema as MobilePhoneInputSchema,
} from '@pasar/contracts';

/** The outlet's public phone: a mobile or a landline with area code (0341-…). */
export const PublicPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d[\d\s-]{6,19}$/, 'must be a phone number such as 0341-551234 or +6281234500001');
