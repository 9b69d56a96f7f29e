import { CooperativeGrantSchema, CooperativeIdSchema } from '@pasar/contracts';
import { z } from 'zod';

export const MemberNikParams = z.object({
  cooperativeId: CooperativeIdSchema,
  memberId: z.string().regex(/^mbr_[0-9A-Za-z_]{2,40}$/, 'must be a member id such as "mbr_…"'),
});

export const NikViewSchema = z.object({
  memberId: z.string(),
  cooperativeId: z.string(),
  /** null: no full NIK is stored for this member (none given, erased, or only its hash and last 4). */
  nik: z
    .string()
    .regex(/^\d{16}$/)
    .nullable(),
  nikMasked: z.string().nullable(),
  nikStored: z.enum(['encrypted', 'hash-only', 'none']),
});

export const PersonalDataExportSchema = z.object({
  format: z.literal('pasar.personal-data.v1'),
  exportedAt: z.string(),
  personId: z.string(),
  account: z
    .object({
      personId: z.string(),
      name: z.string(),
      phone: z.string(),
      email: z.string().optional(),
      grants: z.array(CooperativeGrantSchema),
    })
    .nullable(),
  memberRecords: z.array(
    z.object({
      memberId: z.string(),
      cooperativeId: z.string(),
      displayName: z.string(),
      roles: z.array(z.string()),
      phone: z.string().nullable(),
      nikMasked: z.string().nullable(),
      nikStored: z.enum(['encrypted', 'hash-only', 'none']),
      joinedAt: z.string(),
      erasedAt: z.string().nullable(),
    }),
  ),
});

export const ErasureResultSchema = z.object({
  pseudonym: z.string(),
  erasedAt: z.string(),
  memberIds: z.array(z.string()),
});
