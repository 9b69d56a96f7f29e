import { z } from 'zod';

/**
 * The one rule for Indonesian mobile numbers, used by every service and the web.
 * People write them as 0812-3456-7890, +62 812 3456 7890, 62812… or (0812) 3456.7890; we store
 * the E.164 form +628…. The national part is 8 followed by 8 to 11 digits (the lengths operators issue).
 */
export function normaliseIndonesianPhone(raw: string): string | undefined {
  const compact = raw.trim().replace(/[\s.\-()]/g, '');
  const match = /^(?:\+62|62|0)(8\d{8,11})$/.exec(compact);
  return match ? `+62${match[1]}` : undefined;
}

export const PHONE_MESSAGE = 'must be an Indonesian mobile number such as 0812-3456-7890';

/** JavaScript's `\s` spelled out (WhiteSpace + LineTerminator): the same in every regex dialect. */
export const JS_SPACE_CLASS =
  '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';

/**
 * The same rule as `normaliseIndonesianPhone`, written as one regular expression so an OpenAPI
 * document can state it exactly: whitespace and `. - ( )` anywhere, then `+62`, `62` or `0`, an `8`
 * and 8 to 11 more digits. `[0-9]` is JavaScript's `\d` (Python's is wider). phone.test.ts checks
 * that the pattern and the function agree.
 */
const SEP = `[${JS_SPACE_CLASS}.()\\-]`;
export const MOBILE_PHONE_PATTERN = new RegExp(
  `^${SEP}*(?:\\+${SEP}*6${SEP}*2|6${SEP}*2|0)${SEP}*8(?:${SEP}*[0-9]){8,11}${SEP}*$`,
);
export const MOBILE_PHONE_MAX_LENGTH = 32;

/** Accepts what people type (the pattern, so documents can state it), outputs +628…. */
export const MobilePhoneSchema = z
  .string()
  .max(MOBILE_PHONE_MAX_LENGTH, PHONE_MESSAGE)
  .regex(MOBILE_PHONE_PATTERN, PHONE_MESSAGE)
  .transform((raw, ctx) => {
    const phone = normaliseIndonesianPhone(raw);
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: PHONE_MESSAGE });
      return z.NEVER;
    }
    return phone;
  });

/** A phone already in the stored form (+628…, as the normaliser outputs it). */
export const NormalisedPhoneSchema = z.string().regex(/^\+628\d{8,11}$/, 'must be a normalised phone +628…');
