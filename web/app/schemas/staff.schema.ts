import { z } from 'zod';
import { PhoneFieldSchema } from './phone';

/** Member management forms of /kelola/:slug/anggota (ketua only). Field names = input names. */
export const ROLE_OPTIONS = ['anggota', 'penjual', 'pengurus', 'kasir', 'gudang', 'pengawas'] as const;
export const POSITION_OPTIONS = ['ketua', 'sekretaris', 'bendahara'] as const;

const Position = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(POSITION_OPTIONS, { error: 'errors.invalidForm' }).optional(),
);
const PersonId = z
  .string({ error: 'errors.invalidForm' })
  .min(1, 'errors.invalidForm')
  .max(64, 'errors.invalidForm')
  .regex(/^[A-Za-z0-9_-]+$/, 'errors.invalidForm');

export const InviteSchema = z.object({
  intent: z.literal('invite'),
  name: z
    .string({ error: 'errors.required' })
    .trim()
    .min(2, 'errors.nameLength')
    .max(80, 'errors.nameLength'),
  phone: PhoneFieldSchema,
  role: z.enum(ROLE_OPTIONS, { error: 'errors.role' }),
  position: Position,
  /** Optional: the member number of the registry (mbr_…), so their savings and SHU show in their account. */
  memberId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
    z
      .string()
      .regex(/^mbr_[0-9A-Za-z_]{2,40}$/, 'errors.memberId')
      .optional(),
  ),
});

/** Repeated `roles` checkboxes (parse with lists: ['roles']); none ticked removes every role. */
/** The person's name, only to say whose roles/code it was (never stored). */
const DisplayName = z.string().trim().max(120).default('');

export const RolesSchema = z.object({
  intent: z.literal('roles'),
  personId: PersonId,
  name: DisplayName,
  roles: z.array(z.enum(ROLE_OPTIONS, { error: 'errors.role' })).max(ROLE_OPTIONS.length),
  position: Position,
});

export const ResetCodeFormSchema = z.object({
  intent: z.literal('reset-code'),
  personId: PersonId,
  name: DisplayName,
});

export const PeopleFormSchema = z.discriminatedUnion(
  'intent',
  [InviteSchema, RolesSchema, ResetCodeFormSchema],
  {
    error: 'errors.invalidForm',
  },
);
