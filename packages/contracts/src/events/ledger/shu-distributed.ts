import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { CooperativeIdSchema, RupiahSchema } from '../../primitives';
import { Topics } from '../../topics';

/**
 * The SHU of a year that the RAT approved was distributed to the members: credited to each
 * member's simpanan sukarela, or paid out (cash or transfer). The ledger posted the entry already
 * (Dr dana SHU yang belum dibagi, Cr simpanan sukarela or kas/bank); membership credits the
 * members' sukarela sub-ledger from it when `to` is 'sukarela' and publishes no SavingsDeposited
 * for it (that money is booked). Member ids only, no personal data.
 */
export const ShuDistributed = defineEvent(
  'pasar.ledger.shu.distributed',
  Topics.ledgerShu.name,
  z.object({
    cooperativeId: CooperativeIdSchema,
    year: z.number().int().min(2000).max(2100),
    /** The SHU run's id (one per cooperative and year). */
    shuId: z.string().min(1),
    to: z.enum(['sukarela', 'cash', 'transfer']),
    members: z.array(z.object({ memberId: z.string().min(1), amount: RupiahSchema })).min(1),
    total: RupiahSchema,
    distributedBy: z.string().min(1),
    distributedAt: z.string().datetime(),
  }),
);
