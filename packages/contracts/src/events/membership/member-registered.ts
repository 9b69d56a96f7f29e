import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema } from '../../primitives';
import { Topics } from '../../topics';

/** A person joined a cooperative. Only what others need: no NIK, phone or address. */
export const MemberRegistered = defineEvent(
  'pasar.membership.member.registered',
  Topics.membershipMember.name,
  z.object({
    memberId: z.string().min(1),
    cooperativeId: CooperativeIdSchema,
    displayName: z.string().min(1),
    roles: z.array(z.enum(['anggota', 'penjual', 'pengurus', 'kasir', 'gudang', 'pengawas'])).min(1),
  }),
);
