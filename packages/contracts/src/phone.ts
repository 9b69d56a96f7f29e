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

/** Accepts what people type, outputs +628…; the error names the rule. */
export const MobilePhoneSchema = z
  .string()
  .max(32, PHONE_MESSAGE)
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
