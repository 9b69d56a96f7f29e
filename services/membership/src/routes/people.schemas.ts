import {
  BoardPositionSchema,
  CooperativeIdSchema,
  CooperativeRoleSchema,
  MobilePhoneSchema,
} from '@pasar/contracts';
import { z } from '@hono/zod-openapi';

export const PersonIdSchema = z
  .string()
  .regex(/^per_[0-9A-Za-z_]{2,40}$/, 'must be a person id such as "per_…"');

export const PeopleParams = z.object({ cooperativeId: CooperativeIdSchema });
export const PersonParams = z.object({ cooperativeId: CooperativeIdSchema, personId: PersonIdSchema });

const positionNeedsPengurus = (o: { roles: string[]; position?: string }) =>
  !o.position || o.roles.includes('pengurus');
const POSITION_MESSAGE = 'a board position needs the pengurus role';

export const InvitePersonBody = z
  .strictObject({
    name: z.string().trim().min(2).max(80),
    phone: MobilePhoneSchema,
    roles: z.array(CooperativeRoleSchema).min(1).max(6),
    position: BoardPositionSchema.optional(),
    email: z.email().max(200).optional(),
  })
  .refine(positionNeedsPengurus, { path: ['position'], message: POSITION_MESSAGE });

export const SetRolesBody = z
  .strictObject({
    /** Empty removes the person from the cooperative's staff and membership roles. */
    roles: z.array(CooperativeRoleSchema).max(6),
    position: BoardPositionSchema.optional(),
  })
  .refine(positionNeedsPengurus, { path: ['position'], message: POSITION_MESSAGE });

/** The cursor is opaque: base64url of the last personId of the previous page. */
export const PeopleQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(100)
    .transform((s, ctx) => {
      const decoded = Buffer.from(s, 'base64url').toString('utf8');
      if (!PersonIdSchema.safeParse(decoded).success) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
        return z.NEVER;
      }
      return decoded;
    })
    .optional(),
});

export const encodePersonCursor = (personId: string) => Buffer.from(personId, 'utf8').toString('base64url');
