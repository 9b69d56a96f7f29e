import { trimmedText } from '../domain/patterns';
import { MobilePhoneInputSchema } from '../domain/phone';
import { BoardPositionSchema, CooperativeIdSchema, CooperativeRoleSchema } from '@pasar/contracts';
import { z } from '@hono/zod-openapi';

const PERSON_ID_PATTERN = /^per_[0-9A-Za-z_]{2,40}$/;

export const PersonIdSchema = z.string().regex(PERSON_ID_PATTERN, 'must be a person id such as "per_…"');

export const PeopleParams = z.object({ cooperativeId: CooperativeIdSchema });
export const PersonParams = z.object({ cooperativeId: CooperativeIdSchema, personId: PersonIdSchema });

const positionNeedsPengurus = (o: { roles: string[]; position?: string }) =>
  !o.position || o.roles.includes('pengurus');
const POSITION_MESSAGE = 'a board position needs the pengurus role';
/** The same cross-field rule in JSON Schema, so the document states it: position ⇒ pengurus in roles. */
const POSITION_RULE = {
  if: { required: ['position'] },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, never awaited
  then: { properties: { roles: { contains: { const: 'pengurus' } } } },
};

export const InvitePersonBody = z
  .strictObject({
    name: trimmedText(80),
    phone: MobilePhoneInputSchema,
    roles: z.array(CooperativeRoleSchema).min(1).max(6),
    position: BoardPositionSchema.optional(),
    // The WHATWG (HTML5) address rule, as wide as the document's `format: email` (zod's default refuses = # % …).
    email: z.email({ pattern: z.regexes.html5Email }).max(200).optional(),
    /** Links the account to this member record of the cooperative (its registry entry). */
    memberId: z
      .string()
      .regex(/^mbr_[0-9A-Za-z_]{2,40}$/, 'must be a member id (mbr_…)')
      .optional()
      .openapi({ example: 'mbr_kb_siti' }),
  })
  .refine(positionNeedsPengurus, { path: ['position'], message: POSITION_MESSAGE })
  .openapi(POSITION_RULE);

export const SetRolesBody = z
  .strictObject({
    /** Empty removes the person from the cooperative's staff and membership roles. */
    roles: z.array(CooperativeRoleSchema).max(6),
    position: BoardPositionSchema.optional(),
  })
  .refine(positionNeedsPengurus, { path: ['position'], message: POSITION_MESSAGE })
  .openapi(POSITION_RULE);

/**
 * The cursor is the last personId of the previous page; the next page is the people after it, by
 * id. Every string of the person id pattern is a position (an unknown one just gives the people
 * after it), so a cursor that fits the document is never refused.
 */
export const PeopleQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(44).regex(PERSON_ID_PATTERN, 'is not a cursor this API returned').optional(),
});

export const encodePersonCursor = (personId: string) => personId;
