import { trimmedText } from '../domain/patterns';
import { MobilePhoneInputSchema } from '../domain/phone';
import { z } from 'zod';
import { MemberRolesSchema } from '../domain/member';
import { NikSchema } from '../domain/nik';

export const RegisterMemberBody = z.strictObject({
  displayName: trimmedText(80),
  roles: MemberRolesSchema.max(6),
  phone: MobilePhoneInputSchema.optional(),
  nik: NikSchema.optional(),
  /**
   * When the member joined, as in the cooperative's paper registry (a registry brought into Pasar):
   * a Jakarta calendar date, not in the future. Absent: today. Simpanan wajib is due from it.
   */
  joinedOn: z.iso
    .date('must be a calendar date YYYY-MM-DD')
    .optional()
    .meta({ description: 'Not in the future, not before 1945-08-17 (else 409 MEMBER.JOINING_DATE).' })
    .openapi({ example: '2024-03-01' }),
});

const MEMBER_ID_PATTERN = /^mbr_[0-9A-Za-z_]{2,40}$/;

/**
 * The cursor is the last memberId of the previous page; the next page is the members after it, by
 * id. Every string of the member id pattern is a position (an unknown one just gives the members
 * after it), so a cursor that fits the document is never refused.
 */
export const MembersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(44).regex(MEMBER_ID_PATTERN, 'is not a cursor this API returned').optional(),
});

export const encodeCursor = (memberId: string) => memberId;
