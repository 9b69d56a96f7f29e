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
    /**
     * The member's account (an id, no personal data): the ledger maps a signed-in buyer's orders
     * to the member for SHU jasa usaha. Absent in events published before it was added.
     */
    personId: z.string().min(1).optional(),
    /** When membership began (the ledger's member count changes for the RAT). */
    joinedAt: z.string().datetime().optional(),
  }),
);
