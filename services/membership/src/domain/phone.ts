import { normaliseIndonesianPhone, PHONE_MESSAGE } from '@pasar/contracts';
import { z } from 'zod';
import { JS_SPACE_CLASS } from './patterns';

/**
 * The contracts rule (`normaliseIndonesianPhone`) written as one regular expression, so the OpenAPI
 * document states it exactly: the function drops whitespace and `. - ( )` anywhere, then wants
 * `+62`, `62` or `0`, an `8` and 8 to 11 more digits. `SEP` is JavaScript's `\s` spelled out
 * (WhiteSpace and LineTerminator, what `trim()` and `\s` remove) plus `.()-`, so the pattern reads
 * the same in every regex dialect (Python's `\s` and `\d` are wider); `[0-9]` is JavaScript's `\d`.
 * phone.test.ts checks that this pattern and the function agree.
 */
const SEP = `[${JS_SPACE_CLASS}.()\\-]`;
export const MOBILE_PHONE_PATTERN = new RegExp(
  `^${SEP}*(?:\\+${SEP}*6${SEP}*2|6${SEP}*2|0)${SEP}*8(?:${SEP}*[0-9]){8,11}${SEP}*$`,
);
export const MOBILE_PHONE_MAX_LENGTH = 32;

/** A person's mobile number as typed (pattern in the document), stored as +628…. */
export const MobilePhoneInputSchema = z
  .string()
  .max(MOBILE_PHONE_MAX_LENGTH, PHONE_MESSAGE)
  .regex(MOBILE_PHONE_PATTERN, PHONE_MESSAGE)
  .transform((raw, ctx) => {
    const phone = normaliseIndonesianPhone(raw);
    if (!phone) {
      // Unreachable while the pattern and the function agree (phone.test.ts).
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  });

/** The outlet's public phone: a mobile or a landline with area code (0341-…). */
export const PublicPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?\d[\d\s-]{6,19}$/, 'must be a phone number such as 0341-551234 or +6281234500001');
