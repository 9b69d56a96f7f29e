import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * A member of the registry got their account: the ketua invited the person with that member id
 * (a registry brought over from paper, then accounts given out). Ids only, no personal data; the
 * ledger maps the account's purchases to the member for SHU jasa usaha from it.
 */
export const MemberAccountLinked = defineEvent(
  'pasar.membership.member.account-linked',
  Topics.membershipMember.name,
  z.object({
    memberId: z.string().min(1),
    cooperativeId: CooperativeIdSchema,
    personId: z.string().min(1),
  }),
);
