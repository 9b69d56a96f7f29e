import { z } from 'zod';
import { MemberRolesSchema } from '../domain/member';
import { NikSchema } from '../domain/nik';
import { MobilePhoneSchema } from '@pasar/contracts';

export const RegisterMemberBody = z.strictObject({
  displayName: z.string().trim().min(2).max(80),
  roles: MemberRolesSchema.max(6),
  phone: MobilePhoneSchema.optional(),
  nik: NikSchema.optional(),
});

const MemberIdSchema = z.string().regex(/^mbr_[0-9A-Za-z_]{2,40}$/, 'must be a member id such as "mbr_…"');

/** The cursor is opaque to clients: base64url of the last memberId of the previous page. */
export const MembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(100)
    .transform((s, ctx) => {
      const decoded = Buffer.from(s, 'base64url').toString('utf8');
      if (!MemberIdSchema.safeParse(decoded).success) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor this API returned' });
        return z.NEVER;
      }
      return decoded;
    })
    .optional(),
});

export const encodeCursor = (memberId: string) => Buffer.from(memberId, 'utf8').toString('base64url');
