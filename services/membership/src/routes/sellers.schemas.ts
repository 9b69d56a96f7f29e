import { CooperativeIdSchema, SellerHandoffSchema } from '@pasar/contracts';
import { z } from '@hono/zod-openapi';
import { JS_SPACE_CLASS, trimmedText } from '../domain/patterns';
import { APPLICATION_STATUSES } from '../domain/seller-application';
import { SELLER_STATUSES } from '../domain/seller';

/** Trimmed text of 1–`max` code points with a non-space character; the schema states both. */
function shopName(max: number) {
  const pattern = new RegExp(`^[${JS_SPACE_CLASS}]*[^${JS_SPACE_CLASS}][\\s\\S]*$`, 'u');
  return z
    .string()
    .superRefine((s, ctx) => {
      if ([...s].length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
      else if (!pattern.test(s)) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    })
    .transform((s) => s.trim())
    .meta({ maxLength: max, pattern: pattern.source });
}

/** Up to `max` code points (as JSON Schema counts them), trimmed; may be empty. */
function optionalText(max: number) {
  return z
    .string()
    .superRefine((s, ctx) => {
      if ([...s].length > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
    })
    .transform((s) => s.trim())
    .meta({ maxLength: max });
}

export const ApplyToSellBody = z.strictObject({
  shopName: shopName(80).meta({ example: 'Keripik Bu Sri' }),
  /** What they sell, in their own words. */
  description: optionalText(500).default('').meta({ example: 'Keripik tempe dan singkong buatan sendiri' }),
  handoff: SellerHandoffSchema,
});

/** A reason the applicant or the seller reads (2–500 characters besides spaces). */
export const ReasonBody = z.strictObject({ reason: trimmedText(500) });

const APPLICATION_ID_PATTERN = /^sap_[0-9A-Za-z_]{2,40}$/;
const MEMBER_ID_PATTERN = /^mbr_[0-9A-Za-z_]{2,40}$/;

export const CooperativeOnlyParams = z.object({ cooperativeId: CooperativeIdSchema });
export const ApplicationParams = z.object({
  cooperativeId: CooperativeIdSchema,
  applicationId: z.string().regex(APPLICATION_ID_PATTERN, 'must be an application id such as "sap_…"'),
});
export const SellerParams = z.object({
  cooperativeId: CooperativeIdSchema,
  sellerId: z.string().regex(MEMBER_ID_PATTERN, 'must be a seller (member) id such as "mbr_…"'),
});

export const ApplicationsQuery = z.object({ status: z.enum(APPLICATION_STATUSES).optional() });

export const SellerApplicationViewSchema = z
  .object({
    applicationId: z.string(),
    cooperativeId: z.string(),
    memberId: z.string(),
    shopName: z.string(),
    description: z.string(),
    handoff: SellerHandoffSchema,
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    declineReason: z.string().nullable(),
  })
  .openapi('SellerApplication');

export const SellerViewSchema = z
  .object({
    sellerId: z.string(),
    cooperativeId: z.string(),
    shopName: z.string(),
    description: z.string(),
    handoff: SellerHandoffSchema,
    status: z.enum(SELLER_STATUSES),
    since: z.string(),
    suspendedAt: z.string().nullable(),
    suspensionReason: z.string().nullable(),
  })
  .openapi('Seller');
